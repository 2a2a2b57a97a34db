/** A first-quarter figure grown by `rate` every quarter since, rounded to whole units. */
export function grownByQuarter(q1: number, rate: number, quarter: number): number {
  let x = q1;
  for (let q = 1; q < quarter; q++) x *= 1 + rate;
  return Math.round(x);
}
