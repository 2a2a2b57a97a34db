import type { GameEvent } from '../domain/events';
import type { GameState } from '../domain/state';
import type { LineId } from '../scenario/types';
import { applyEvent } from '../rules/evolve';
import { initialState } from '../rules/initialState';
import { clonePlain } from '../util/clonePlain';
import type { Snapshot } from './fold';

// A replay's position is a count of events folded (0: nothing yet, log length: the end). The
// quarter marks are the snapshot positions; moments are the events worth jumping to.

type Foldable = Pick<GameEvent, 'type' | 'data'>;

export type Moment =
  | { kind: 'loop'; count: number; quarter: number; seat: number; line: LineId }
  | { kind: 'spectrum'; count: number; quarter: number; licenseId: string; winner: number | null; price: number }
  | { kind: 'foundry'; count: number; quarter: number; priceUsd: number | null; sold: number }
  | { kind: 'shock'; count: number; quarter: number; cardId: string; headline: string; injected: boolean };

export type MomentKind = Moment['kind'];

/** The events worth jumping to: each loop closed, each auction cleared, each shock drawn. */
export function momentsOf(events: readonly Foldable[]): Moment[] {
  const moments: Moment[] = [];
  events.forEach((e, i) => {
    const count = i + 1;
    const ev = e as GameEvent;
    switch (ev.type) {
      case 'LoopClosed':
        moments.push({ kind: 'loop', count, quarter: ev.data.quarter, seat: ev.data.seat, line: ev.data.line });
        break;
      case 'SpectrumAuctionCleared':
        moments.push({ kind: 'spectrum', count, quarter: ev.data.quarter, licenseId: ev.data.licenseId, winner: ev.data.winner, price: ev.data.price });
        break;
      case 'FoundryAuctionCleared':
        moments.push({ kind: 'foundry', count, quarter: ev.data.quarter, priceUsd: ev.data.clearingPriceUsd, sold: ev.data.sold });
        break;
      case 'ShockDrawn':
        moments.push({ kind: 'shock', count, quarter: ev.data.quarter, cardId: ev.data.cardId, headline: ev.data.headline, injected: ev.data.injected });
        break;
      default:
        break;
    }
  });
  return moments;
}

export interface QuarterMark {
  quarter: number;
  count: number;
}

export function quarterMarks(snapshots: readonly Snapshot[]): QuarterMark[] {
  return snapshots.map((s) => ({ quarter: s.quarter, count: s.count }));
}

/** The last quarter resolved at a position (the fork point or 0 before that; null before the start). */
export function quarterAtCount(marks: readonly QuarterMark[], count: number): number | null {
  let quarter: number | null = null;
  for (const m of marks) if (m.count <= count) quarter = m.quarter;
  return quarter;
}

export type StepUnit = 'event' | 'quarter';

/** One step forward or back by one event or to the next or previous quarter mark, kept inside the log. */
export function stepPosition(count: number, direction: 1 | -1, unit: StepUnit, marks: readonly QuarterMark[], total: number): number {
  if (unit === 'event') return Math.min(total, Math.max(0, count + direction));
  if (direction === 1) return marks.find((m) => m.count > count)?.count ?? total;
  const before = marks.filter((m) => m.count < count);
  return before.length > 0 ? before[before.length - 1]!.count : 0;
}

/** The state after `count` events: the nearest snapshot at or before it, then the rest folded. */
export function stateAtCount(events: readonly Foldable[], snapshots: readonly Snapshot[], count: number): GameState {
  let base: Snapshot | undefined;
  for (const s of snapshots) if (s.count <= count) base = s;
  const state = base ? clonePlain(base.state) : initialState();
  for (let i = base?.count ?? 0; i < count && i < events.length; i++) applyEvent(state, events[i] as GameEvent);
  return state;
}

export const SPEEDS = [1, 2, 4, 8, 16] as const;
export type Speed = (typeof SPEEDS)[number];

/** Playback moves one quarter per second at 1×: the wait between quarter steps at a speed. */
export function playbackIntervalMs(speed: Speed): number {
  return 1000 / speed;
}
