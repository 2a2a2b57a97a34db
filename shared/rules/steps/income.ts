import { usdFromM, wholeUsd } from '../money';
import type { StepContext } from './context';

/** Legacy income, then interest on emergency loans, then repayment from whatever cash allows. */
export function incomeStep({ state, emit }: StepContext): void {
  const sc = state.scenario;
  for (const p of state.players) {
    emit({ type: 'LegacyIncomePaid', data: { seat: p.seat, amount: usdFromM(sc.legacyIncomeM) } });
    if (p.debt > 0) {
      const interest = wholeUsd(p.debt * sc.finance.loanInterestPerQuarter);
      if (interest > 0) emit({ type: 'InterestCharged', data: { seat: p.seat, amount: interest } });
      const repay = Math.min(Math.max(p.cash, 0), p.debt);
      if (repay > 0) emit({ type: 'DebtRepaid', data: { seat: p.seat, amount: repay } });
    }
  }
}
