import type { EndPlanning, LockOrders, SubmitOrders, UnlockOrders } from '../domain/commands';
import { RuleError } from '../domain/errors';
import type { GameEvent } from '../domain/events';
import type { DecideContext } from '../domain/ids';
import type { GameState, PlayerState } from '../domain/state';
import { assertAffordable, validateOrders } from './ordersRules';
import { resolveQuarter } from './resolveQuarter';
import { requireNothingHeld } from './reveal';

function requirePlanning(state: GameState): void {
  if (state.status === 'new') throw new RuleError('MATCH_NOT_FOUND', 'This match has not been created.');
  if (state.status === 'ended') throw new RuleError('MATCH_ENDED', 'This match has ended.');
  if (state.status !== 'planning') throw new RuleError('WRONG_PHASE', 'The match has not started yet.');
  if (state.paused) throw new RuleError('MATCH_PAUSED', 'The match is paused.');
  requireNothingHeld(state);
}

function requireQuarter(state: GameState, quarter: number): void {
  if (quarter !== state.quarter)
    throw new RuleError('STALE_QUARTER', `This was meant for quarter ${String(quarter)}; it is now quarter ${state.quarter}.`);
}

/** The player whose sheet this is, if the actor may act for that seat. */
function ownSeat(state: GameState, seat: number, ctx: DecideContext): PlayerState {
  if (!Number.isInteger(seat) || seat < 0 || seat >= state.players.length)
    throw new RuleError('UNKNOWN_SEAT', `There is no seat ${String(seat)}.`);
  if (ctx.actor.role === 'facilitator') throw new RuleError('NOT_ALLOWED', 'A facilitator cannot edit a seat’s orders.');
  if (ctx.actor.role === 'player' && ctx.actor.seat !== seat)
    throw new RuleError('SEAT_NOT_YOURS', `Seat ${seat} is not yours.`);
  return state.players[seat]!;
}

export function decideSubmitOrders(state: GameState, cmd: SubmitOrders, ctx: DecideContext): GameEvent[] {
  requirePlanning(state);
  const player = ownSeat(state, cmd.data.seat, ctx);
  requireQuarter(state, cmd.data.quarter);
  if (player.locked) throw new RuleError('ORDERS_LOCKED', 'Your orders are locked; unlock them to edit.');
  const orders = validateOrders(state, cmd.data.orders, player);
  assertAffordable(state, player, orders);
  return [{ type: 'OrdersSubmitted', data: { seat: player.seat, quarter: state.quarter, orders } }];
}

export function decideLockOrders(state: GameState, cmd: LockOrders, ctx: DecideContext): GameEvent[] {
  requirePlanning(state);
  const player = ownSeat(state, cmd.data.seat, ctx);
  requireQuarter(state, cmd.data.quarter);
  if (player.locked) throw new RuleError('ORDERS_LOCKED', 'Your orders are already locked.');
  // No affordability check here: cash does not move during planning, every submitted sheet was
  // checked, and a standing sheet is carried over only while it is affordable.
  return [{ type: 'OrdersLocked', data: { seat: player.seat, quarter: state.quarter } }];
}

export function decideUnlockOrders(state: GameState, cmd: UnlockOrders, ctx: DecideContext): GameEvent[] {
  requirePlanning(state);
  const player = ownSeat(state, cmd.data.seat, ctx);
  requireQuarter(state, cmd.data.quarter);
  if (!player.locked) throw new RuleError('NOT_LOCKED', 'Your orders are not locked.');
  return [{ type: 'OrdersUnlocked', data: { seat: player.seat, quarter: state.quarter } }];
}

export function decideEndPlanning(state: GameState, cmd: EndPlanning, ctx: DecideContext): GameEvent[] {
  // Time enters only as this command, from the room clock or a facilitator.
  if (ctx.actor.role === 'player') throw new RuleError('NOT_ALLOWED', 'Players end planning by locking their orders.');
  requirePlanning(state);
  requireQuarter(state, cmd.data.quarter);
  return resolveQuarter(state, undefined, ctx.consume === true);
}

export function decidePause(state: GameState, ctx: DecideContext, pause: boolean): GameEvent[] {
  if (ctx.actor.role === 'player') throw new RuleError('NOT_ALLOWED', 'Only the facilitator can pause or resume.');
  if (state.status === 'new') throw new RuleError('MATCH_NOT_FOUND', 'This match has not been created.');
  if (state.status === 'ended') throw new RuleError('MATCH_ENDED', 'This match has ended.');
  if (state.status !== 'planning') throw new RuleError('WRONG_PHASE', 'Only a running match can be paused.');
  if (pause && state.paused) throw new RuleError('MATCH_PAUSED', 'The match is already paused.');
  if (!pause && !state.paused) throw new RuleError('NOT_PAUSED', 'The match is not paused.');
  return pause
    ? [{ type: 'MatchPaused', data: { quarter: state.quarter } }]
    : [{ type: 'MatchResumed', data: { quarter: state.quarter } }];
}
