import { BUDGET_FIELDS, COUNT_FIELDS, type Orders } from '../domain/orders';
import { usdFromM } from '../rules/money';
import { committedSpendFor, pricesOnly } from '../rules/ordersRules';
import type { Scenario } from '../scenario/types';

/** Everything that can be bought in smaller amounts, scaled by `factor` (whole units, rounded down). */
function scaled(o: Orders, factor: number): Orders {
  const next: Orders = { ...o };
  for (const f of BUDGET_FIELDS) if (next[f] !== undefined) next[f] = Math.floor(next[f]! * factor);
  for (const f of COUNT_FIELDS) if (next[f] !== undefined) next[f] = Math.floor(next[f]! * factor);
  if (next.foundryBid) next.foundryBid = { ...next.foundryBid, chips: Math.floor(next.foundryBid.chips * factor) };
  if (next.actuatorBuy) next.actuatorBuy = { ...next.actuatorBuy, qty: Math.floor(next.actuatorBuy.qty * factor) };
  return next;
}


/**
 * Shrinks a sheet until it commits no more than the cash on hand. Spectrum bids cannot go below a
 * reserve, so they are dropped (cheapest first) only if they alone exceed the cash; everything
 * else is scaled down together, in one step (committed spend is linear in it).
 */
export function fitToCash(orders: Orders, sc: Scenario, chipGeneration: number, cashUsd: number): Orders {
  if (committedSpendFor(sc, chipGeneration, orders) <= cashUsd) return orders;
  const bids = Object.entries(orders.spectrumBids ?? {}).sort((a, b) => a[1] - b[1]);
  let bidsUsd = bids.reduce((n, [, m]) => n + usdFromM(m), 0);
  while (bids.length > 0 && bidsUsd > cashUsd) bidsUsd -= usdFromM(bids.shift()![1]);
  const { spectrumBids: _dropped, ...rest } = orders;
  const restUsd = committedSpendFor(sc, chipGeneration, rest);
  const factor = restUsd > 0 ? Math.max(0, Math.min(1, (cashUsd - bidsUsd) / restUsd)) * 0.999 : 0;
  const sheet: Orders = bids.length > 0 ? { ...scaled(rest, factor), spectrumBids: Object.fromEntries(bids) } : scaled(rest, factor);
  return committedSpendFor(sc, chipGeneration, sheet) <= cashUsd ? sheet : pricesOnly(orders);
}
