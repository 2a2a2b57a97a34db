import type { PublicReport } from '../../../shared/views/quarterReport';
import type { LineId } from '../../../shared/scenario/types';
import type { Loose } from '../../../shared/wire/state';

// The quarter played out: what the board shows when a quarter resolves, step by step in the
// order of the engine's pipeline (shock → foundry → spectrum → permits → markets → valuation →
// loops → the end). A pure function of the quarter's public report, which is itself a pure
// function of the quarter's events (shared/views/quarterReport.ts): same events, same timeline.
// (The room sends the report with absent fields where the engine has null: both are read alike.)

/** A bar of a step: a seat and its amount (chips won, rides served, robots sold, subscribers). */
export interface Bar {
  seat: number;
  value: number;
}

export type StepBody =
  | { kind: 'shock'; cardId: string; headline: string }
  | { kind: 'foundry'; priceUsd: number | null; supply: number; sold: number; bars: Bar[] }
  | { kind: 'spectrum'; licenseId: string; winner: number | null; priceUsd: number; bidders: number }
  | { kind: 'permits'; cityId: string; granted: number[]; refused: number }
  | { kind: 'markets'; rides: Bar[]; robots: Bar[]; subscribers: Bar[] }
  | { kind: 'valuation'; bars: Bar[] }
  | { kind: 'loop'; seat: number; line: LineId }
  | { kind: 'end'; winner: number; reason: 'loops' | 'valuation' };

/** A step with its place in time, in milliseconds from the sequence's start. */
export type Step = StepBody & { at: number; duration: number };

export interface Timeline {
  quarter: number;
  steps: Step[];
  /** The whole sequence, in milliseconds. */
  total: number;
}

/** How long each kind of step holds the board at speed 1, before the whole is fitted to its bounds. */
const BASE_MS: Record<StepBody['kind'], number> = {
  shock: 1400,
  foundry: 1600,
  spectrum: 1000,
  permits: 800,
  markets: 1600,
  valuation: 1200,
  loop: 1800,
  end: 2400,
};
/** A sequence lasts 6–10 s at speed 1 (a quiet quarter is stretched, a busy one pressed). */
export const MIN_MS = 6000;
export const MAX_MS = 10000;
/** With reduced motion the sequence is one short fade: every step shown at once. */
export const FADE_MS = 600;

const sumBy = <T>(items: readonly T[], seatOf: (t: T) => number, valueOf: (t: T) => number): Bar[] => {
  const by = new Map<number, number>();
  for (const item of items) by.set(seatOf(item), (by.get(seatOf(item)) ?? 0) + valueOf(item));
  return [...by].map(([seat, value]) => ({ seat, value })).sort((a, b) => a.seat - b.seat);
};

/** The steps of a quarter, in pipeline order, without times. */
export function stepsOf(pub: Loose<PublicReport>): StepBody[] {
  const steps: StepBody[] = pub.news.map((n) => ({ kind: 'shock', cardId: n.cardId, headline: n.headline }));
  if (pub.foundry && pub.foundry.sold > 0)
    steps.push({ kind: 'foundry', priceUsd: pub.foundry.clearingPriceUsd ?? null, supply: pub.foundry.supply, sold: pub.foundry.sold, bars: sumBy(pub.foundry.chipsWon, (c) => c.seat, (c) => c.chips) });
  for (const s of pub.spectrum) steps.push({ kind: 'spectrum', licenseId: s.licenseId, winner: s.winner ?? null, priceUsd: s.price, bidders: s.bidders });
  for (const p of pub.permits) if (p.granted.length > 0 || p.refused.length > 0) steps.push({ kind: 'permits', cityId: p.cityId, granted: [...p.granted], refused: p.refused.length });
  const rides = sumBy(pub.rides.flatMap((c) => c.shares), (s) => s.seat, (s) => s.served).filter((b) => b.value > 0);
  const robots = sumBy(pub.robots?.shares ?? [], (s) => s.seat, (s) => s.sold + s.remoteSold).filter((b) => b.value > 0);
  const subscribers = sumBy(pub.subscribers.flatMap((r) => r.shares), (s) => s.seat, (s) => s.subscribers).filter((b) => b.value > 0);
  if (rides.length + robots.length + subscribers.length > 0) steps.push({ kind: 'markets', rides, robots, subscribers });
  if (pub.valuations.length > 0) steps.push({ kind: 'valuation', bars: pub.valuations.map((value, seat) => ({ seat, value })) });
  for (const l of pub.loopsClosed) steps.push({ kind: 'loop', seat: l.seat, line: l.line });
  if (pub.ended) steps.push({ kind: 'end', winner: pub.ended.winner, reason: pub.ended.reason });
  return steps;
}

/**
 * The quarter's steps placed in time: each kind's base length, the whole fitted into 6–10 s, then
 * divided by the playback speed (the replay's; 1 in a match). With reduced motion, one fade.
 */
export function timeline(pub: Loose<PublicReport>, opts: { speed: number; reducedMotion: boolean }): Timeline {
  const bodies = stepsOf(pub);
  if (opts.reducedMotion) return { quarter: pub.quarter, steps: bodies.map((b) => ({ ...b, at: 0, duration: FADE_MS })), total: bodies.length ? FADE_MS : 0 };
  const base = bodies.reduce((n, b) => n + BASE_MS[b.kind], 0);
  const fit = base === 0 ? 0 : Math.min(MAX_MS, Math.max(MIN_MS, base)) / base;
  const speed = opts.speed > 0 ? opts.speed : 1;
  let at = 0;
  const steps = bodies.map((b) => {
    const duration = Math.round((BASE_MS[b.kind] * fit) / speed);
    const step = { ...b, at, duration };
    at += duration;
    return step;
  });
  return { quarter: pub.quarter, steps, total: at };
}

/** The step on the board at `ms` into the sequence (null before the first and after the last). */
export function stepAt(line: Timeline, ms: number): Step | null {
  return line.steps.find((s) => ms >= s.at && ms < s.at + s.duration) ?? null;
}
