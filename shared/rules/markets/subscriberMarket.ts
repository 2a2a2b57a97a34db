import type { RegionProvider } from '../../domain/events';
import { priceWeight } from './shareSplit';

export interface ProviderOffer {
  seat: number;
  coverage: number;
  adoption: number;
  priceUsd: number;
}

/**
 * One region: subscribers = users × P × coverage × share, where share is split by price^−1.5
 * among the licensed providers and the incumbent carriers' roaming offer (the outside option).
 */
export function splitSubscribers(
  users: number,
  offers: readonly ProviderOffer[],
  incumbentPriceUsd: number,
  elasticity: number,
  monthsPerQuarter: number,
): RegionProvider[] {
  const weights = offers.map((o) => priceWeight(o.priceUsd, elasticity));
  const total = weights.reduce((a, b) => a + b, 0) + priceWeight(incumbentPriceUsd, elasticity);
  return offers.map((o, i) => {
    const subscribers = Math.floor(users * o.adoption * o.coverage * (weights[i]! / total));
    return {
      seat: o.seat,
      coverage: o.coverage,
      priceUsd: o.priceUsd,
      subscribers,
      revenue: Math.round(subscribers * o.priceUsd * monthsPerQuarter),
    };
  });
}
