import type { GameEvent } from '../domain/events';
import type { GameState } from '../domain/state';
import { applyEvent } from '../rules/evolve';
import { initialState } from '../rules/initialState';
import { canonicalJson } from '../util/canonicalJson';
import { clonePlain } from '../util/clonePlain';
import { sha256Hex } from '../util/sha256';

export type Foldable = GameEvent;

/** Rebuilds a state from its events with the same recipes as the live path, on a private clone. */
export function fold(events: readonly Foldable[], from: GameState = initialState()): GameState {
  const state = clonePlain(from);
  for (const e of events) applyEvent(state, { type: e.type, data: e.data } as GameEvent);
  return state;
}

/** SHA-256 of the canonical JSON of a state: equal states give equal hashes in any process. */
export function stateHash(state: GameState): string {
  return sha256Hex(canonicalJson(state));
}

export interface Snapshot {
  /** The quarter whose resolution this snapshot follows (0: before the first quarter). */
  quarter: number;
  /** Events folded into it. */
  count: number;
  state: GameState;
}

/** A snapshot after every quarter's resolution, so a quarter can be reached without a full fold. */
export function buildSnapshots(events: readonly Foldable[]): Snapshot[] {
  const snapshots: Snapshot[] = [];
  const state = initialState();
  events.forEach((e, i) => {
    applyEvent(state, { type: e.type, data: e.data } as GameEvent);
    if (e.type === 'MatchStarted') snapshots.push({ quarter: 0, count: i + 1, state: clonePlain(state) });
    // A what-if fork's log begins at its fork point: that quarter is its first snapshot.
    if (e.type === 'MatchForked') snapshots.push({ quarter: e.data.quarter, count: i + 1, state: clonePlain(state) });
    if (e.type === 'QuarterResolved') {
      snapshots.push({ quarter: e.data.quarter, count: i + 1, state: clonePlain(state) });
    }
  });
  return snapshots;
}

const snapshotCache = new WeakMap<readonly Foldable[], Snapshot[]>();

/**
 * The state right after quarter `quarter` resolved (0: at the start of the match), from the
 * snapshot index of this event array (built once per array, then a clone per call).
 */
export function stateAt(events: readonly Foldable[], quarter: number): GameState {
  let snapshots = snapshotCache.get(events);
  if (!snapshots) {
    snapshots = buildSnapshots(events);
    snapshotCache.set(events, snapshots);
  }
  const snap = snapshots.find((s) => s.quarter === quarter);
  if (!snap) throw new RangeError(`No snapshot for quarter ${quarter} (log has ${snapshots.length} quarter boundaries).`);
  return clonePlain(snap.state);
}
