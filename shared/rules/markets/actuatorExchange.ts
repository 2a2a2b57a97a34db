import type { ActuatorFill } from '../../domain/events';
import { proportionalUnits } from './shareSplit';

export interface ExchangeOrder {
  seat: number;
  qty: number;
  priceUsd: number;
}

export interface ExchangeResult {
  priceUsd: number | null;
  volume: number;
  fills: ActuatorFill[];
}

/**
 * One call auction a quarter. Candidate prices are the order prices; the clearing price is the
 * one that trades the most units; ties go to the smallest imbalance between supply and demand,
 * then to the middle one of the remaining candidates (the lower of two). Every seller asking at
 * most that price and every buyer bidding at least it trade at it; the long side is rationed pro
 * rata (whole units, largest remainder, then lower seat).
 */
export function clearActuatorExchange(sells: readonly ExchangeOrder[], buys: readonly ExchangeOrder[]): ExchangeResult {
  const s = sells.filter((o) => o.qty > 0);
  const b = buys.filter((o) => o.qty > 0);
  const candidates = [...new Set([...s, ...b].map((o) => o.priceUsd))].sort((x, y) => x - y);
  let best: Array<{ price: number }> = [];
  let bestVolume = 0;
  let bestImbalance = Infinity;
  for (const price of candidates) {
    const supply = s.filter((o) => o.priceUsd <= price).reduce((a, o) => a + o.qty, 0);
    const demand = b.filter((o) => o.priceUsd >= price).reduce((a, o) => a + o.qty, 0);
    const volume = Math.min(supply, demand);
    const imbalance = Math.abs(supply - demand);
    if (volume <= 0) continue;
    if (volume > bestVolume || (volume === bestVolume && imbalance < bestImbalance)) {
      bestVolume = volume;
      bestImbalance = imbalance;
      best = [{ price }];
    } else if (volume === bestVolume && imbalance === bestImbalance) {
      best.push({ price });
    }
  }
  if (bestVolume === 0) return { priceUsd: null, volume: 0, fills: [] };
  const price = best[Math.floor((best.length - 1) / 2)]!.price;
  const sellers = s.filter((o) => o.priceUsd <= price).sort((x, y) => x.seat - y.seat);
  const buyers = b.filter((o) => o.priceUsd >= price).sort((x, y) => x.seat - y.seat);
  const ration = (side: ExchangeOrder[]) => {
    const wanted = side.reduce((a, o) => a + o.qty, 0);
    return wanted <= bestVolume ? side.map((o) => o.qty) : proportionalUnits(bestVolume, side.map((o) => o.qty));
  };
  const sold = ration(sellers);
  const bought = ration(buyers);
  const fills: ActuatorFill[] = [
    ...sellers.map((o, i) => ({ seat: o.seat, side: 'sell' as const, qty: sold[i]!, amount: Math.round(sold[i]! * price) })),
    ...buyers.map((o, i) => ({ seat: o.seat, side: 'buy' as const, qty: bought[i]!, amount: Math.round(bought[i]! * price) })),
  ].filter((f) => f.qty > 0);
  return { priceUsd: price, volume: bestVolume, fills };
}
