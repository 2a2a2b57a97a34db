import type { EventOf } from '../domain/events';
import type { GameState } from '../domain/state';
import { capabilitiesAfterBreakthrough } from './steps/research';

// Events carry their results, so evolve only writes them down. Events recorded before a result was
// part of them are completed here when read, from the state they apply to, by the rule that made
// the result then (the same function the live step calls now).

type ShockData = EventOf<'ShockDrawn'>['data'];

/** A ShockDrawn's results: every seat's capability after an AI breakthrough, the quarter a surprise sale offers its license in. */
export function upcastShock(state: Pick<GameState, 'players'>, d: ShockData): Pick<ShockData, 'capabilities' | 'offeredIn'> {
  const effect = d.effect;
  const capabilities =
    d.capabilities ?? (effect.kind === 'aiBreakthrough' ? capabilitiesAfterBreakthrough(state.players, effect.capabilityGain) : undefined);
  const offeredIn = d.offeredIn ?? (effect.kind === 'spectrumSale' && d.licenseId ? d.quarter + 1 : undefined);
  return { ...(capabilities ? { capabilities } : {}), ...(offeredIn !== undefined ? { offeredIn } : {}) };
}
