import type { GameState } from '../domain/state';
import type { License } from '../scenario/types';

/** The licenses that take sealed bids in the current quarter. */
export function licensesForSale(state: GameState): License[] {
  return state.scenario.satellites.licenses.filter((l) => l.auctionQuarter === state.quarter);
}
