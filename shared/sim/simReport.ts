import type { BotDifficulty, BotStrategy } from '../domain/ids';
import { LINES, type LineId } from '../scenario/types';
import { sha256Hex } from '../util/sha256';

/** The part of a match result the simulator keeps (small enough to pass between threads). */
export interface MatchSummary {
  index: number;
  seats: Array<{ strategy: BotStrategy; difficulty: BotDifficulty }>;
  winner: number;
  ranking: number[];
  reason: 'loops' | 'valuation';
  firstLoop: { seat: number; line: LineId; quarter: number } | null;
  loopsClosed: Array<{ seat: number; line: LineId; quarter: number }>;
  valuations: number[];
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
  wins: Record<string, number>;
  seatsPlayed: Record<string, number>;
  winRate: Record<string, number>;
  firstLoop: Record<LineId | 'none', number>;
  firstLoopQuarter: { p10: number | null; median: number | null; p90: number | null };
  firstLoopInWindow: number;
  loopsClosed: Record<LineId, number>;
  avgValuationM: Record<string, number>;
  hardVsEasy: Record<string, { pairs: number; hardAhead: number }>;
  winsByReason: { loops: number; valuation: number };
  rejections: number;
  seconds: number;
  matchesPerSecond: number;
  resultHash: string;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function buildSimReport(
  summaries: readonly MatchSummary[],
  meta: { players: number; seed: string; quarters: number; winLoops: number; difficulty: string; seconds: number },
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
  quarters.sort((a, b) => a - b);
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
    firstLoopQuarter: { p10: percentile(quarters, 10), median: percentile(quarters, 50), p90: percentile(quarters, 90) },
    firstLoopInWindow: matches > 0 ? round(quarters.filter((q) => q >= 6 && q <= 14).length / matches, 4) : 0,
    loopsClosed,
    avgValuationM,
    hardVsEasy,
    winsByReason,
    rejections,
    matchesPerSecond: meta.seconds > 0 ? round(matches / meta.seconds, 1) : 0,
    resultHash: sha256Hex(ordered.map((m) => m.stateHash).join('\n')),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const SINGLE_LINE = ['robotaxi', 'robots', 'satellites'];

/** The balance targets of GAME.md, checked against a report (meaningful for mixed four-bot runs). */
export function balanceChecks(r: SimReport): Array<{ target: string; value: string; met: boolean }> {
  const checks = SINGLE_LINE.map((s) => ({
    target: `${s} wins 15–40%`,
    value: pct(r.winRate[s] ?? 0),
    met: (r.winRate[s] ?? 0) >= 0.15 && (r.winRate[s] ?? 0) <= 0.4,
  }));
  for (const s of ['balanced', 'vertical'])
    checks.push({ target: `${s} wins ≥ 10%`, value: pct(r.winRate[s] ?? 0), met: (r.winRate[s] ?? 0) >= 0.1 });
  checks.push({ target: 'first loop in Q6–Q14 in ≥ 80% of matches', value: pct(r.firstLoopInWindow), met: r.firstLoopInWindow >= 0.8 });
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
  lines.push('## Strategies', '');
  lines.push('| strategy | seats | wins | win rate | avg final valuation |', '|---|---:|---:|---:|---:|');
  for (const s of Object.keys(r.seatsPlayed).sort())
    lines.push(`| ${s} | ${r.seatsPlayed[s]} | ${r.wins[s] ?? 0} | ${pct(r.winRate[s]!)} | $${r.avgValuationM[s]!.toLocaleString('en-US')}M |`);
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
  lines.push('', `Bot orders refused by the engine: ${r.rejections}.`);
  lines.push(`Speed: ${r.matchesPerSecond} matches per second (${r.seconds.toFixed(1)} s). Result hash: \`${r.resultHash}\`.`, '');
  return lines.join('\n');
}
