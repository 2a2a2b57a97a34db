// The sheet speaks in $M, the state in whole dollars.
export const USD_PER_M = 1_000_000;

export function usdFromM(m: number): number {
  return Math.round(m * USD_PER_M);
}


/** Rounds a computed dollar amount to a whole dollar. */
export function wholeUsd(x: number): number {
  return Math.round(x);
}
