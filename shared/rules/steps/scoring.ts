import { rankByValuation, valuationOf } from '../valuation';
import type { StepContext } from './context';

export function valuationStep({ state, quarter, emit }: StepContext): void {
  const valuations = state.players.map((p) => valuationOf(p, state.scenario));
  emit({ type: 'ValuationAssessed', data: { quarter, valuations } });
}

/** After the last quarter the highest valuation wins (the loop race is decided by the economy). */
export function winCheckStep({ state, quarter, emit }: StepContext): void {
  if (quarter < state.scenario.quarters) return;
  const valuations = state.players.map((p) => p.valuation);
  const ranking = rankByValuation(valuations);
  emit({ type: 'MatchEnded', data: { winner: ranking[0]!, ranking, reason: 'valuation', valuations } });
}
