import type { RideOperator } from '../../domain/events';
import { priceRetention, priceWeight } from './shareSplit';

export interface RideOffer {
  seat: number;
  cars: number;
  /** Rides the cars can give this quarter (network synergy included). */
  capacity: number;
  autonomy: number;
  priceUsd: number;
}

/**
 * One city's rides: demand split by attractiveness ∝ capacity·(U/100)²·price^−1.5; an operator
 * above the reference price loses riders to other transport; served = min(capacity, share).
 */
export function splitRides(
  demand: number,
  offers: readonly RideOffer[],
  referencePriceUsd: number,
  elasticity: number,
): RideOperator[] {
  const weights = offers.map((o) => (o.capacity > 0 ? o.capacity * (o.autonomy / 100) ** 2 * priceWeight(o.priceUsd, elasticity) : 0));
  const total = weights.reduce((a, b) => a + b, 0);
  return offers.map((o, i) => {
    const share = total > 0 ? (demand * weights[i]!) / total : 0;
    const served = Math.floor(Math.min(o.capacity, share * priceRetention(o.priceUsd, referencePriceUsd, elasticity)));
    return {
      seat: o.seat,
      cars: o.cars,
      capacity: o.capacity,
      priceUsd: o.priceUsd,
      served,
      revenue: Math.round(served * o.priceUsd),
    };
  });
}
