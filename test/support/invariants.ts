import type { PlayerState } from '../../shared/domain/state';

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

/** start + income − interest − repaid + loans + revenue − spend = end, to the dollar. */
export function cashIdentityHolds(p: PlayerState): boolean {
  const f = p.flows;
  return f.cashAtStart + f.legacyIncome - f.interest - f.repaid + f.loans + sum(f.revenue) - sum(f.spend) === p.cash;
}
