import type { BotDifficulty } from '../domain/ids';
import { LINES, type LineId } from '../scenario/types';
import { sha256Hex } from '../util/sha256';
import type { SimStrategy } from './policies';

/** The part of a match result the simulator keeps (small enough to pass between threads). */
export interface MatchSummary {
  index: number;
  seats: Array<{ strategy: SimStrategy; difficulty: BotDifficulty }>;
  winner: number;
  ranking: number[];
  reason: 'loops' | 'valuation';
  firstLoop: { seat: number; line: LineId; quarter: number } | null;
  loopsClosed: Array<{ seat: number; line: LineId; quarter: number }>;
  valuations: number[];
  /** The quarter the match ended in. */
  lastQuarter: number;
  /** Each quarter's foundry auction: [clearing price or null, 1 when demand at the reserve met supply]. */
  foundry: Array<[number | null, number]>;
  /** The most licenses one seat won in the first spectrum auction quarter. */
  firstAuctionMaxWon: number;
  rejections: number;
  stateHash: string;
}

export interface SimReport {
  matches: number;
  players: number;
  seed: string;
  quarters: number;
  winLoops: number;
  difficulty: string;
  foundryReserveUsd: number;
  wins: Record<string, number>;
  seatsPlayed: Record<string, number>;
  winRate: Record<string, number>;
  firstLoop: Record<LineId | 'none', number>;
  firstLoopQuarter: Quantiles;
  firstLoopInWindow: number;
  loopsClosed: Record<LineId, number>;
  avgValuationM: Record<string, number>;
  hardVsEasy: Record<string, { pairs: number; hardAhead: number }>;
  winsByReason: { loops: number; valuation: number };
  /** Share of matches that ended because a player reached the win's number of loops. */
  endedByLoops: number;
  endQuarter: Quantiles;
  /** Median clearing price per quarter (index 0 is quarter 1), over the matches that sold chips then. */
  foundryPrice: Array<number | null>;
  /** Median clearing price of each match's final quarter. */
  foundryPriceFinal: number | null;
  /** Share of all quarters played in which demand at the reserve met the foundry's supply. */
  foundrySoldOutShare: number;
  /** Share of matches in which one seat won more than 3 licenses in the first auction quarter. */
  firstAuctionMaxLicensesOneSeat: number;
  rejections: number;
  seconds: number;
  matchesPerSecond: number;
  resultHash: string;
}

export interface Quantiles {
  p10: number | null;
  median: number | null;
  p90: number | null;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const quantiles = (values: number[]): Quantiles => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p10: percentile(sorted, 10), median: percentile(sorted, 50), p90: percentile(sorted, 90) };
};

/** The foundry's figures over all matches: median price per quarter and in each match's last, and how often it sold out. */
function foundryFigures(ordered: readonly MatchSummary[]) {
  const byQuarter: number[][] = [];
  const finals: number[] = [];
  let quarters = 0;
  let soldOut = 0;
  for (const m of ordered) {
    m.foundry.forEach(([price, out], q) => {
      if (price !== null) (byQuarter[q] ??= []).push(price);
      quarters += 1;
      soldOut += out;
    });
    const last = m.foundry[m.foundry.length - 1]?.[0];
    if (last !== undefined && last !== null) finals.push(last);
  }
  return {
    foundryPrice: Array.from(byQuarter, (prices) => (prices ? quantiles(prices).median : null)),
    foundryPriceFinal: quantiles(finals).median,
    foundrySoldOutShare: quarters > 0 ? round(soldOut / quarters, 4) : 0,
  };
}

export function buildSimReport(
  summaries: readonly MatchSummary[],
  meta: { players: number; seed: string; quarters: number; winLoops: number; difficulty: string; foundryReserveUsd: number; seconds: number },
): SimReport {
  const ordered = [...summaries].sort((a, b) => a.index - b.index);
  const wins: Record<string, number> = {};
  const seatsPlayed: Record<string, number> = {};
  const valuationSum: Record<string, number> = {};
  const firstLoop: Record<LineId | 'none', number> = { robotaxi: 0, robots: 0, satellites: 0, none: 0 };
  const loopsClosed: Record<LineId, number> = { robotaxi: 0, robots: 0, satellites: 0 };
  const hardVsEasy: Record<string, { pairs: number; hardAhead: number }> = {};
  const quarters: number[] = [];
  let rejections = 0;
  const winsByReason = { loops: 0, valuation: 0 };
  for (const m of ordered) {
    m.seats.forEach((s, seat) => {
      seatsPlayed[s.strategy] = (seatsPlayed[s.strategy] ?? 0) + 1;
      valuationSum[s.strategy] = (valuationSum[s.strategy] ?? 0) + m.valuations[seat]!;
    });
    const winner = m.seats[m.winner]!.strategy;
    wins[winner] = (wins[winner] ?? 0) + 1;
    winsByReason[m.reason] += 1;
    firstLoop[m.firstLoop?.line ?? 'none'] += 1;
    if (m.firstLoop) quarters.push(m.firstLoop.quarter);
    for (const l of m.loopsClosed) loopsClosed[l.line] += 1;
    rejections += m.rejections;
    // Hard against easy of the same strategy: who finished higher, pair by pair.
    const place = new Map(m.ranking.map((seat, i) => [seat, i]));
    m.seats.forEach((hard, h) => {
      if (hard.difficulty !== 'hard') return;
      m.seats.forEach((easy, e) => {
        if (easy.difficulty !== 'easy' || easy.strategy !== hard.strategy) return;
        const entry = (hardVsEasy[hard.strategy] ??= { pairs: 0, hardAhead: 0 });
        entry.pairs += 1;
        if (place.get(h)! < place.get(e)!) entry.hardAhead += 1;
      });
    });
  }
  const winRate: Record<string, number> = {};
  const avgValuationM: Record<string, number> = {};
  for (const s of Object.keys(seatsPlayed).sort()) {
    winRate[s] = round((wins[s] ?? 0) / seatsPlayed[s]!, 4);
    avgValuationM[s] = Math.round(valuationSum[s]! / seatsPlayed[s]! / 1e6);
  }
  const matches = ordered.length;
  return {
    matches,
    ...meta,
    wins,
    seatsPlayed,
    winRate,
    firstLoop,
    firstLoopQuarter: quantiles(quarters),
    firstLoopInWindow: matches > 0 ? round(quarters.filter((q) => q >= 6 && q <= 14).length / matches, 4) : 0,
    loopsClosed,
    avgValuationM,
    hardVsEasy,
    winsByReason,
    endedByLoops: matches > 0 ? round(winsByReason.loops / matches, 4) : 0,
    endQuarter: quantiles(ordered.map((m) => m.lastQuarter)),
    ...foundryFigures(ordered),
    firstAuctionMaxLicensesOneSeat: matches > 0 ? round(ordered.filter((m) => m.firstAuctionMaxWon > 3).length / matches, 4) : 0,
    rejections,
    matchesPerSecond: meta.seconds > 0 ? round(matches / meta.seconds, 1) : 0,
    resultHash: sha256Hex(ordered.map((m) => m.stateHash).join('\n')),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const SINGLE_LINE = ['robotaxi', 'robots', 'satellites'];

/**
 * A win rate as it would read in a four-seat match (× seats / 4): a seat's fair share is 1 / seats,
 * so GAME.md's four-seat targets apply to other seat counts in this form.
 */
export const asInFourSeats = (r: Pick<SimReport, 'winRate' | 'players'>, s: string): number => ((r.winRate[s] ?? 0) * r.players) / 4;

/** The balance targets of GAME.md, checked against a report (meaningful for mixed bot runs; win rates as in four seats). */
export function balanceChecks(r: SimReport): Array<{ target: string; value: string; met: boolean }> {
  const four = r.players === 4 ? '' : ' (as in four seats)';
  const checks = SINGLE_LINE.map((s) => ({
    target: `${s} wins 15–40%${four}`,
    value: pct(asInFourSeats(r, s)),
    met: asInFourSeats(r, s) >= 0.15 && asInFourSeats(r, s) <= 0.4,
  }));
  for (const s of ['balanced', 'vertical'])
    checks.push({ target: `${s} wins ≥ 10%${four}`, value: pct(asInFourSeats(r, s)), met: asInFourSeats(r, s) >= 0.1 });
  checks.push({ target: 'first loop in Q6–Q14 in ≥ 80% of matches', value: pct(r.firstLoopInWindow), met: r.firstLoopInWindow >= 0.8 });
  return checks;
}

/** The race targets of issue #15: the loops decide, chips are contested, no sweep, no lazy policy wins. */
export function raceChecks(r: SimReport): Array<{ target: string; value: string; met: boolean }> {
  const median = r.endQuarter.median ?? 0;
  const robotsFirst = r.firstLoop.robots / Math.max(1, r.matches);
  const checks = [
    { target: 'ended by K loops in ≥ 55% of matches', value: pct(r.endedByLoops), met: r.endedByLoops >= 0.55 },
    { target: 'median end quarter Q12–Q18', value: `Q${median}`, met: median >= 12 && median <= 18 },
    { target: 'robots close first in ≥ 12% of matches', value: pct(robotsFirst), met: robotsFirst >= 0.12 },
    {
      target: 'median foundry price in the final quarter ≤ 3× reserve',
      value: r.foundryPriceFinal === null ? '—' : `$${r.foundryPriceFinal.toLocaleString('en-US')}`,
      met: (r.foundryPriceFinal ?? 0) <= 3 * r.foundryReserveUsd,
    },
    { target: 'foundry sold out at the reserve in ≥ 1/3 of quarters', value: pct(r.foundrySoldOutShare), met: r.foundrySoldOutShare >= 1 / 3 },
    {
      target: 'one seat wins > 3 first-auction licenses in ≤ 5% of matches',
      value: pct(r.firstAuctionMaxLicensesOneSeat),
      met: r.firstAuctionMaxLicensesOneSeat <= 0.05,
    },
  ];
  for (const s of Object.keys(r.seatsPlayed).filter((k) => k === 'idle' || k.startsWith('allin-')).sort())
    checks.push({ target: `${s} wins < 10%`, value: pct(asInFourSeats(r, s)), met: asInFourSeats(r, s) < 0.1 });
  return checks;
}

export function renderSimReport(r: SimReport, command: string): string {
  const lines: string[] = [];
  lines.push(`# Simulation report`, '', '```', command, '```', '');
  lines.push(
    `${r.matches} matches · ${r.players} players · seed \`${r.seed}\` · ${r.quarters} quarters · win at ${r.winLoops} loops · difficulty ${r.difficulty}`,
    '',
  );
  lines.push('## Which line closes its loop first?', '');
  lines.push('| first loop | matches | share |', '|---|---:|---:|');
  for (const k of [...LINES, 'none'] as const) lines.push(`| ${k} | ${r.firstLoop[k]} | ${pct(r.firstLoop[k] / Math.max(1, r.matches))} |`);
  const q = r.firstLoopQuarter;
  lines.push('', `Quarter of the first closed loop: p10 ${q.p10 ?? '—'} · median ${q.median ?? '—'} · p90 ${q.p90 ?? '—'}; in Q6–Q14 in ${pct(r.firstLoopInWindow)} of matches.`, '');
  const e = r.endQuarter;
  lines.push('## The race', '');
  lines.push(
    `Matches ended by a player reaching ${r.winLoops} closed loop${r.winLoops === 1 ? '' : 's'}: ${pct(r.endedByLoops)}; ` +
      `the rest by valuation after the last quarter. End quarter: p10 ${e.p10 ?? '—'} · median ${e.median ?? '—'} · p90 ${e.p90 ?? '—'}.`,
    '',
  );
  lines.push('## Markets', '');
  lines.push(
    `Foundry: sold out at the reserve ($${r.foundryReserveUsd.toLocaleString('en-US')}) in ${pct(r.foundrySoldOutShare)} of quarters; ` +
      `median clearing price in a match's final quarter ${r.foundryPriceFinal === null ? '—' : `$${r.foundryPriceFinal.toLocaleString('en-US')}`}.`,
    '',
  );
  lines.push('| quarter | ' + r.foundryPrice.map((_, i) => `Q${i + 1}`).join(' | ') + ' |');
  lines.push('|---|' + r.foundryPrice.map(() => '---:').join('|') + '|');
  lines.push('| median chip price ($) | ' + r.foundryPrice.map((p) => (p === null ? '—' : p.toLocaleString('en-US'))).join(' | ') + ' |', '');
  lines.push(`Spectrum: one seat won more than 3 licenses in the first auction quarter in ${pct(r.firstAuctionMaxLicensesOneSeat)} of matches.`, '');
  lines.push('## Strategies', '');
  lines.push('| strategy | seats | wins | win rate | as in four seats | avg final valuation |', '|---|---:|---:|---:|---:|---:|');
  for (const s of Object.keys(r.seatsPlayed).sort())
    lines.push(
      `| ${s} | ${r.seatsPlayed[s]} | ${r.wins[s] ?? 0} | ${pct(r.winRate[s]!)} | ${pct(asInFourSeats(r, s))} | $${r.avgValuationM[s]!.toLocaleString('en-US')}M |`,
    );
  lines.push('', `Matches won by closing loops: ${r.winsByReason.loops}; by valuation after the last quarter: ${r.winsByReason.valuation}.`, '');
  lines.push('## Loops closed by line', '', '| line | loops closed |', '|---|---:|');
  for (const l of LINES) lines.push(`| ${l} | ${r.loopsClosed[l]} |`);
  const hve = Object.entries(r.hardVsEasy);
  if (hve.length > 0) {
    lines.push('', '## Hard against easy (same strategy, same match)', '', '| strategy | pairs | hard finished ahead |', '|---|---:|---:|');
    for (const [s, v] of hve.sort()) lines.push(`| ${s} | ${v.pairs} | ${pct(v.hardAhead / v.pairs)} |`);
  }
  lines.push('', '## Balance targets (GAME.md)', '', '| target | value | met |', '|---|---:|:---:|');
  for (const c of balanceChecks(r)) lines.push(`| ${c.target} | ${c.value} | ${c.met ? 'yes' : 'no'} |`);
  lines.push('', '## Race targets (issue #15)', '', '| target | value | met |', '|---|---:|:---:|');
  for (const c of raceChecks(r)) lines.push(`| ${c.target} | ${c.value} | ${c.met ? 'yes' : 'no'} |`);
  lines.push('', `Bot orders refused by the engine: ${r.rejections}.`);
  lines.push(`Speed: ${r.matchesPerSecond} matches per second (${r.seconds.toFixed(1)} s). Result hash: \`${r.resultHash}\`.`, '');
  return lines.join('\n');
}
