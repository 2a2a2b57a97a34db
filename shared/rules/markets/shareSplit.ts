import { detPow, detSqrt } from '../../math/detMath';

/** price^−elasticity, the price part of every attractiveness formula in GAME.md. */
export function priceWeight(price: number, elasticity: number): number {
  // GAME.md's elasticity is 1.5: p^−1.5 = 1/(p·√p), far cheaper than exp(−1.5·ln p).
  if (elasticity === 1.5) return 1 / (price * detSqrt(price));
  return detPow(price, -elasticity);
}

/**
 * Customers lost to the outside world when an operator prices above the reference:
 * min(1, (reference/price)^elasticity). Pricing below the reference wins share from rivals,
 * not new customers.
 */
export function priceRetention(price: number, reference: number, elasticity: number): number {
  if (price <= reference) return 1;
  const ratio = reference / price;
  return elasticity === 1.5 ? ratio * detSqrt(ratio) : detPow(ratio, elasticity);
}

/** Splits `total` in proportion to `weights` (all zero: nobody gets anything). */
export function proportional(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
}

/**
 * Splits a whole number of units in proportion to `weights`: floors first, then the leftover
 * units one each by largest remainder, then by lower index.
 */
export function proportionalUnits(total: number, weights: readonly number[]): number[] {
  const exact = proportional(total, weights);
  const units = exact.map(Math.floor);
  let left = total - units.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if (weights[i]! <= 0) continue;
    units[i]! += 1;
    left -= 1;
  }
  return units;
}
