import type { StepContext } from './context';

/** No player is knocked out: whatever cash went below zero is covered by an emergency loan. */
export function emergencyLoanStep({ state, emit }: StepContext): void {
  for (const p of state.players) {
    if (p.cash < 0) emit({ type: 'EmergencyLoanTaken', data: { seat: p.seat, amount: -p.cash } });
  }
}
