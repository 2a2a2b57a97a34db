import type { FoundryAward } from '../../domain/events';
import { grownByQuarter } from '../../math/growth';
import { wholeUsd } from '../money';

export interface FoundryBidEntry {
  seat: number;
  chips: number;
  maxPriceUsd: number;
}

export interface FoundryClearing {
  clearingPriceUsd: number | null;
  sold: number;
  awards: FoundryAward[];
}

/**
 * Uniform-price auction: fill from the highest bid down. When the bids ask for more chips than
 * the foundry makes, everyone pays the lowest filled bid; when they do not, nobody was outbid and
 * everyone pays the reserve. At the margin, bids at the same price share what is left pro rata
 * (whole chips: floors first, then the leftover chips one each by largest remainder, then lower seat).
 */
export function clearFoundry(supply: number, bids: readonly FoundryBidEntry[], reserveUsd: number): FoundryClearing {
  const valid = bids.filter((b) => b.chips > 0 && b.maxPriceUsd >= reserveUsd);
  const won = new Map<number, number>();
  const prices = [...new Set(valid.map((b) => b.maxPriceUsd))].sort((a, b) => b - a);
  let remaining = supply;
  let clearing: number | null = null;
  for (const price of prices) {
    if (remaining <= 0) break;
    const level = valid.filter((b) => b.maxPriceUsd === price).sort((a, b) => a.seat - b.seat);
    const wanted = level.reduce((sum, b) => sum + b.chips, 0);
    if (wanted <= remaining) {
      for (const b of level) won.set(b.seat, b.chips);
      remaining -= wanted;
    } else {
      const shares = level.map((b) => {
        const exact = (remaining * b.chips) / wanted;
        return { seat: b.seat, chips: Math.floor(exact), rest: exact - Math.floor(exact) };
      });
      let left = remaining - shares.reduce((sum, s) => sum + s.chips, 0);
      const byRemainder = [...shares].sort((a, b) => b.rest - a.rest || a.seat - b.seat);
      for (const s of byRemainder) {
        if (left <= 0) break;
        s.chips += 1;
        left -= 1;
      }
      for (const s of shares) won.set(s.seat, s.chips);
      remaining = 0;
    }
    clearing = price;
  }
  // Nobody outbid: every bid was filled, so the price is the reserve.
  if (valid.reduce((sum, b) => sum + b.chips, 0) <= supply && clearing !== null) clearing = reserveUsd;
  const awards: FoundryAward[] = valid
    .slice()
    .sort((a, b) => a.seat - b.seat)
    .map((b) => {
      const chips = won.get(b.seat) ?? 0;
      return { seat: b.seat, requested: b.chips, maxPriceUsd: b.maxPriceUsd, chips, paid: clearing === null ? 0 : wholeUsd(chips * clearing) };
    });
  const sold = awards.reduce((sum, a) => sum + a.chips, 0);
  return { clearingPriceUsd: sold > 0 ? clearing : null, sold, awards };
}

/** Whether a quarter's foundry sold every chip it made (chips were contested). */
export function soldOut(f: { supply: number; sold: number }): boolean {
  return f.supply > 0 && f.sold >= f.supply;
}

/** Foundry supply of a quarter: supplyQ1 grown by `growth` per quarter, in whole chips. */
export function foundrySupply(supplyQ1: number, growth: number, quarter: number): number {
  return grownByQuarter(supplyQ1, growth, quarter);
}
