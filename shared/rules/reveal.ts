import type { RevealResults, SetStagedReveal } from '../domain/commands';
import { RuleError } from '../domain/errors';
import type { GameEvent } from '../domain/events';
import type { DecideContext } from '../domain/ids';
import type { GameState } from '../domain/state';

// Staged reveal: in a classroom the facilitator shows a quarter's results on the projector
// first, then releases them to the players. Both switches are events, so a replay shows the
// same moments of release.

/** The last quarter whose resolution is in the state (0 before the first). */
export function resolvedQuarter(state: Pick<GameState, 'status' | 'quarter'>): number {
  return state.status === 'ended' ? state.quarter : Math.max(0, state.quarter - 1);
}

/** The resolved quarter that players may not see yet, or null when nothing is held back. */
export function heldQuarter(state: Pick<GameState, 'status' | 'quarter' | 'reveal'>): number | null {
  if (!state.reveal.staged) return null;
  const resolved = resolvedQuarter(state);
  return resolved > state.reveal.revealed ? resolved : null;
}

/** Over for everyone: ended, and no last quarter held for a staged reveal (that one keeps the match live). */
export function matchOver(state: Pick<GameState, 'status' | 'quarter' | 'reveal'>): boolean {
  return state.status === 'ended' && heldQuarter(state) === null;
}

/** Planning of the next quarter waits until the players have seen the last one's results. */
export function requireNothingHeld(state: GameState): void {
  const held = heldQuarter(state);
  if (held !== null && state.status !== 'ended')
    throw new RuleError('RESULTS_HELD', `The results of quarter ${held} are not released yet; planning goes on once the facilitator reveals them.`);
}

function requireFacilitator(ctx: DecideContext, what: string): void {
  if (ctx.actor.role === 'player') throw new RuleError('NOT_ALLOWED', `Only the facilitator can ${what}.`);
}

export function decideSetStagedReveal(state: GameState, cmd: SetStagedReveal, ctx: DecideContext): GameEvent[] {
  requireFacilitator(ctx, 'stage the reveal of results');
  if (state.status === 'new') throw new RuleError('MATCH_NOT_FOUND', 'This match has not been created.');
  if (state.status === 'ended') throw new RuleError('MATCH_ENDED', 'This match has ended.');
  if (state.reveal.staged === cmd.data.on) return [];
  return [{ type: 'StagedRevealSet', data: { on: cmd.data.on } }];
}

export function decideRevealResults(state: GameState, cmd: RevealResults, ctx: DecideContext): GameEvent[] {
  requireFacilitator(ctx, 'release results');
  if (state.status === 'new') throw new RuleError('MATCH_NOT_FOUND', 'This match has not been created.');
  const held = heldQuarter(state);
  if (held === null) throw new RuleError('NOTHING_HELD', 'No quarter’s results are waiting to be revealed.');
  if (cmd.data.quarter !== held)
    throw new RuleError('STALE_QUARTER', `The results waiting are quarter ${held}'s, not quarter ${String(cmd.data.quarter)}'s.`);
  return [{ type: 'ResultsRevealed', data: { quarter: held } }];
}

type Fact = GameEvent;

// While results are held, players still see the facilitator's controls (a pause, a new timer,
// a replaced seat) and the chat, but nothing that the held resolution produced.
const CONTROL_EVENTS = new Set(['MatchPaused', 'MatchResumed', 'PlanningTimerSet', 'SeatReplaced', 'ShockInjected', 'StagedRevealSet', 'SpectatorDelaySet', 'JoiningSet', 'ChatSaid', 'ChatMuted', 'ChatUnmuted']);

/** The events of a batch that players may see while a quarter is held back. */
export function controlEvents<E extends Fact>(events: readonly E[]): E[] {
  return events.filter((e) => CONTROL_EVENTS.has(e.type));
}

/** The log as players may know it: the held quarter's resolution and all that followed it cut out, controls kept. */
export function playersLog<E extends Fact>(log: readonly E[], held: number | null): E[] {
  if (held === null) return [...log];
  const cut = log.findIndex((e: GameEvent) => e.type === 'PlanningEnded' && e.data.quarter === held);
  return cut < 0 ? [...log] : [...log.slice(0, cut), ...controlEvents(log.slice(cut))];
}
