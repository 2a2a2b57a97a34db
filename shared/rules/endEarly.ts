import type { EndMatch } from '../domain/commands';
import { RuleError } from '../domain/errors';
import type { GameEvent } from '../domain/events';
import type { DecideContext } from '../domain/ids';
import type { GameState } from '../domain/state';
import { requireNothingHeld } from './reveal';
import { loopsClosed, rankByValuation } from './valuation';

/**
 * A facilitator ends a classroom match before its last quarter (the lesson is over): the
 * standings as they are decide, more closed loops first, then valuation.
 */
export function decideEndMatch(state: GameState, _cmd: EndMatch, ctx: DecideContext): GameEvent[] {
  if (ctx.actor.role === 'player') throw new RuleError('NOT_ALLOWED', 'Only the facilitator can end the match.');
  if (state.status === 'new') throw new RuleError('MATCH_NOT_FOUND', 'This match has not been created.');
  if (state.status === 'ended') throw new RuleError('MATCH_ENDED', 'This match has ended.');
  if (state.status !== 'planning') throw new RuleError('WRONG_PHASE', 'The match has not started yet.');
  requireNothingHeld(state);
  const valuations = state.players.map((p) => p.valuation);
  const loops = state.players.map((p) => loopsClosed(p));
  const ranking = rankByValuation(valuations).sort((a, b) => loops[b]! - loops[a]!);
  return [{ type: 'MatchEnded', data: { winner: ranking[0]!, ranking, reason: 'valuation', valuations } }];
}
