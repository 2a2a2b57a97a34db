import type { ReplaceSeat, SetJoining, SetPlanningTimer, SetSpectatorDelay } from '../domain/commands';
import { RuleError } from '../domain/errors';
import type { GameEvent } from '../domain/events';
import type { DecideContext } from '../domain/ids';
import type { GameState } from '../domain/state';
import { checkSpectatorDelay, MAX_PLANNING_SECONDS } from './lifecycle';

function requireFacilitator(ctx: DecideContext, what: string): void {
  if (ctx.actor.role === 'player') throw new RuleError('NOT_ALLOWED', `Only the facilitator can ${what}.`);
}

function requireOpenMatch(state: GameState): void {
  if (state.status === 'new') throw new RuleError('MATCH_NOT_FOUND', 'This match has not been created.');
  if (state.status === 'ended') throw new RuleError('MATCH_ENDED', 'This match has ended.');
}

export function decideSetPlanningTimer(state: GameState, cmd: SetPlanningTimer, ctx: DecideContext): GameEvent[] {
  requireFacilitator(ctx, 'change the timer');
  requireOpenMatch(state);
  const { seconds } = cmd.data;
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_PLANNING_SECONDS)
    throw new RuleError('INVALID_SETTINGS', `The timer takes 0 to ${MAX_PLANNING_SECONDS} whole seconds (got ${String(seconds)}).`);
  return [{ type: 'PlanningTimerSet', data: { seconds } }];
}

/** A seat handed to a bot: its player leaves the match for good (the bot plays from now on). */
export function decideReplaceSeat(state: GameState, cmd: ReplaceSeat, ctx: DecideContext): GameEvent[] {
  requireFacilitator(ctx, 'remove a seat');
  requireOpenMatch(state);
  const { seat, bot } = cmd.data;
  if (!Number.isInteger(seat) || seat < 0 || seat >= state.seats.length) throw new RuleError('UNKNOWN_SEAT', `There is no seat ${String(seat)}.`);
  if (state.seats[seat]!.kind === 'bot') throw new RuleError('SEAT_TAKEN', `Seat ${seat} is already played by a bot.`);
  return [{ type: 'SeatReplaced', data: { seat, name: `Bot ${seat + 1} (${bot.strategy})`, bot: { ...bot } } }];
}

/** How far spectators lag behind, in resolved quarters: a class cannot watch a rival's results first. */
export function decideSetSpectatorDelay(state: GameState, cmd: SetSpectatorDelay, ctx: DecideContext): GameEvent[] {
  requireFacilitator(ctx, 'set the spectator delay');
  requireOpenMatch(state);
  checkSpectatorDelay(cmd.data.quarters, state.scenario.quarters);
  return [{ type: 'SpectatorDelaySet', data: { quarters: cmd.data.quarters } }];
}

/** A class closes its door once everyone is in: no new student may join (those in keep their tokens). */
export function decideSetJoining(state: GameState, cmd: SetJoining, ctx: DecideContext): GameEvent[] {
  requireFacilitator(ctx, 'open or close joining');
  requireOpenMatch(state);
  if (state.joiningClosed === !cmd.data.open) return [];
  return [{ type: 'JoiningSet', data: { open: cmd.data.open } }];
}
