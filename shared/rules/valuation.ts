import type { PlayerState } from '../domain/state';
import type { Scenario } from '../scenario/types';
import { LINES } from '../scenario/types';

/**
 * cash − debt + book-value factor × assets + annualised line revenue × multiple.
 * `bookValue` and `closedLines` come from the business lines; without them only money counts.
 */
export function valuationOf(
  p: PlayerState,
  sc: Scenario,
  bookValue = 0,
  closedLines: ReadonlySet<string> = new Set(),
): number {
  const f = sc.finance;
  let revenueValue = 0;
  for (const line of LINES) {
    const multiple = closedLines.has(line) ? f.closedLoopMultiple : f.openLoopMultiple;
    revenueValue += p.flows.revenue[line] * 4 * multiple;
  }
  return Math.round(p.cash - p.debt + f.bookValueFactor * bookValue + revenueValue);
}

/** Seats from best to worst: valuation, then the lower seat. */
export function rankByValuation(valuations: readonly number[]): number[] {
  return valuations.map((v, seat) => ({ v, seat })).sort((a, b) => b.v - a.v || a.seat - b.seat).map((x) => x.seat);
}
