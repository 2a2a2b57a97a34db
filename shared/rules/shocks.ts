import type { InjectShock } from '../domain/commands';
import { RuleError } from '../domain/errors';
import type { GameEvent } from '../domain/events';
import type { DecideContext } from '../domain/ids';
import type { GameState } from '../domain/state';

/** A facilitator plays a card from the deck; it strikes when the current quarter resolves. */
export function decideInjectShock(state: GameState, cmd: InjectShock, ctx: DecideContext): GameEvent[] {
  if (ctx.actor.role === 'player') throw new RuleError('NOT_ALLOWED', 'Only the facilitator can inject a shock.');
  if (state.status === 'new') throw new RuleError('MATCH_NOT_FOUND', 'This match has not been created.');
  if (state.status === 'ended') throw new RuleError('MATCH_ENDED', 'This match has ended.');
  if (state.status !== 'planning') throw new RuleError('WRONG_PHASE', 'Shocks can be injected once the match runs.');
  const card = state.scenario.shocks.deck.find((c) => c.id === cmd.data.cardId);
  if (!card) throw new RuleError('UNKNOWN_SHOCK', `There is no news card "${cmd.data.cardId}" in this scenario.`);
  const { cityId } = cmd.data;
  if (cityId !== undefined) {
    if (card.effect.kind !== 'cityPause') throw new RuleError('MALFORMED_COMMAND', 'Only a city pause takes a city.');
    if (!state.scenario.robotaxi.cities.some((c) => c.id === cityId))
      throw new RuleError('UNKNOWN_CITY', `There is no city "${cityId}".`);
  }
  return [
    { type: 'ShockInjected', data: cityId ? { quarter: state.quarter, cardId: card.id, cityId } : { quarter: state.quarter, cardId: card.id } },
  ];
}
