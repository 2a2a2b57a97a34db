import { BUDGET_FIELDS, COUNT_FIELDS, type Orders } from '../domain/orders';
import { committedSpendFor } from '../rules/ordersRules';
import type { Scenario } from '../scenario/types';

/**
 * Shrinks a sheet until it commits no more than the cash on hand: budgets and counts are scaled
 * down together; spectrum bids (which cannot go below a reserve) are dropped, cheapest first.
 */
export function fitToCash(orders: Orders, sc: Scenario, chipGeneration: number, cashUsd: number): Orders {
  let sheet: Orders = { ...orders };
  let cost = committedSpendFor(sc, chipGeneration, sheet);
  for (let round = 0; round < 12 && cost > cashUsd; round++) {
    const factor = Math.max(0, Math.min(0.95, cashUsd / cost));
    const next: Orders = { ...sheet };
    for (const f of BUDGET_FIELDS) if (next[f] !== undefined) next[f] = Math.floor(next[f]! * factor);
    for (const f of COUNT_FIELDS) if (next[f] !== undefined) next[f] = Math.floor(next[f]! * factor);
    if (next.foundryBid) next.foundryBid = { ...next.foundryBid, chips: Math.floor(next.foundryBid.chips * factor) };
    if (next.actuatorBuy) next.actuatorBuy = { ...next.actuatorBuy, qty: Math.floor(next.actuatorBuy.qty * factor) };
    if (next.spectrumBids && round >= 2) {
      const entries = Object.entries(next.spectrumBids).sort((a, b) => a[1] - b[1]);
      entries.shift();
      next.spectrumBids = Object.fromEntries(entries);
    }
    sheet = next;
    cost = committedSpendFor(sc, chipGeneration, sheet);
  }
  if (cost > cashUsd) return pricesOnly(sheet);
  return sheet;
}

function pricesOnly(o: Orders): Orders {
  const out: Orders = {};
  if (o.ridePriceUsd !== undefined) out.ridePriceUsd = o.ridePriceUsd;
  if (o.robotPriceUsd !== undefined) out.robotPriceUsd = o.robotPriceUsd;
  if (o.subscriptionPriceUsd !== undefined) out.subscriptionPriceUsd = o.subscriptionPriceUsd;
  return out;
}
