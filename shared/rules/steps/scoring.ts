import { loopsClosed, rankByValuation, valuationOf } from '../valuation';
import type { StepContext } from './context';

export function valuationStep({ state, quarter, emit }: StepContext): void {
  const valuations = state.players.map((p) => valuationOf(p, state.scenario));
  emit({ type: 'ValuationAssessed', data: { quarter, valuations } });
}

/**
 * First to K closed loops wins (several in the same quarter: valuation, then seat); otherwise,
 * after the last quarter, the highest valuation. The ranking puts more loops first, then valuation.
 */
export function winCheckStep({ state, quarter, emit }: StepContext): void {
  const valuations = state.players.map((p) => p.valuation);
  const loops = state.players.map((p) => loopsClosed(p));
  const byValuation = rankByValuation(valuations);
  const racing = byValuation.filter((seat) => loops[seat]! >= state.settings.winLoops);
  if (racing.length > 0) {
    const winner = racing[0]!;
    const rest = byValuation.filter((seat) => seat !== winner).sort((a, b) => loops[b]! - loops[a]!);
    emit({ type: 'MatchEnded', data: { winner, ranking: [winner, ...rest], reason: 'loops', valuations } });
    return;
  }
  if (quarter >= state.scenario.quarters)
    emit({ type: 'MatchEnded', data: { winner: byValuation[0]!, ranking: byValuation, reason: 'valuation', valuations } });
}
