import type { Command } from '../domain/commands';
import { parseCommand } from '../domain/commandSchema';
import type { GameEvent } from '../domain/events';
import type { DecideContext } from '../domain/ids';
import type { GameState } from '../domain/state';
import { clonePlain } from '../util/clonePlain';
import { evolveAll } from './evolve';
import { decideReplaceSeat, decideSetJoining, decideSetPlanningTimer, decideSetSpectatorDelay } from './facilitator';
import { decideForkMatch } from './fork';
import { decideInjectShock } from './shocks';
import { decideRevealResults, decideSetStagedReveal } from './reveal';
import { decideEndMatch } from './endEarly';
import { decideMuteChat, decideSayChat, decideUnmuteChat } from './chat';
import { decideClaimSeat, decideCreateMatch, decideExpireMatch, decideStartMatch } from './lifecycle';
import {
  decideEndPlanning,
  decideLockOrders,
  decidePause,
  decideSubmitOrders,
  decideUnlockOrders,
} from './planning';

/**
 * The only place that validates and draws random numbers. Returns the events the command causes,
 * or throws a RuleError and changes nothing. Accepts unknown input: its shape is checked first.
 */
export function decide(state: GameState, input: Command | unknown, ctx: DecideContext): GameEvent[] {
  const command = parseCommand(input);
  switch (command.type) {
    case 'CreateMatch':
      return decideCreateMatch(state, command, ctx);
    case 'ClaimSeat':
      return decideClaimSeat(state, command, ctx);
    case 'ExpireMatch':
      return decideExpireMatch(state, command, ctx);
    case 'StartMatch':
      return decideStartMatch(state, command, ctx);
    case 'SubmitOrders':
      return decideSubmitOrders(state, command, ctx);
    case 'LockOrders':
      return decideLockOrders(state, command, ctx);
    case 'UnlockOrders':
      return decideUnlockOrders(state, command, ctx);
    case 'EndPlanning':
      return decideEndPlanning(state, command, ctx);
    case 'PauseMatch':
      return decidePause(state, ctx, true);
    case 'ResumeMatch':
      return decidePause(state, ctx, false);
    case 'InjectShock':
      return decideInjectShock(state, command, ctx);
    case 'SetPlanningTimer':
      return decideSetPlanningTimer(state, command, ctx);
    case 'ReplaceSeat':
      return decideReplaceSeat(state, command, ctx);
    case 'SetSpectatorDelay':
      return decideSetSpectatorDelay(state, command, ctx);
    case 'SetJoining':
      return decideSetJoining(state, command, ctx);
    case 'ForkMatch':
      return decideForkMatch(state, command, ctx);
    case 'SetStagedReveal':
      return decideSetStagedReveal(state, command, ctx);
    case 'RevealResults':
      return decideRevealResults(state, command, ctx);
    case 'EndMatch':
      return decideEndMatch(state, command, ctx);
    case 'SayChat':
      return decideSayChat(state, command, ctx);
    case 'MuteChat':
      return decideMuteChat(state, command, ctx);
    case 'UnmuteChat':
      return decideUnmuteChat(state, command, ctx);
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

/**
 * decide, and the state its events lead to, for a caller that keeps its states immutable (the
 * server's host). A quarter's resolution already applies every event to a private copy as it
 * goes; that copy is the next state, so the quarter is not applied a second time.
 */
export function decideNext(state: GameState, input: Command | unknown, ctx: DecideContext): { events: GameEvent[]; next: GameState } {
  if ((input as { type?: unknown } | null)?.type === 'EndPlanning') {
    // The same copy the resolution would make for itself: the scenario is shared, read-only data.
    const work = { ...clonePlain({ ...state, scenario: null }), scenario: state.scenario } as GameState;
    const events = decide(work, input, { ...ctx, consume: true });
    return { events, next: work };
  }
  const events = decide(state, input, ctx);
  return { events, next: evolveAll(state, events) };
}
