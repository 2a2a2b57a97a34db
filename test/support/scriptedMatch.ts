import type { LocalMatch } from '../../shared/sim/LocalMatch';
import { endPlanning, newTestMatch, submit } from './newTestMatch';

/** A two-seat match played for `quarters` quarters with fixed, affordable sheets. */
export function scriptedMatch(quarters: number, seed = 'scripted'): LocalMatch {
  const m = newTestMatch({ players: 2, seed });
  for (let q = 1; q <= quarters && m.state.status === 'planning'; q++) {
    submit(m, 0, { chipRnD: 800, aiTraining: 600, foundryBid: { chips: 30_000 + q * 1000, maxPriceUsd: 1000 + q * 10 } });
    submit(m, 1, { aiTraining: 1200, foundryBid: { chips: 40_000, maxPriceUsd: 950 } });
    endPlanning(m);
  }
  return m;
}
