import type { GameState } from '../domain/state';
import type { License } from '../scenario/types';

/** The licenses that take sealed bids in the current quarter (scheduled, re-offered or in a surprise sale). */
export function licensesForSale(state: GameState): License[] {
  return state.scenario.satellites.licenses.filter((l) => {
    const ls = state.licenses[l.id];
    return ls !== undefined && ls.holder === null && ls.auctionQuarter === state.quarter;
  });
}
