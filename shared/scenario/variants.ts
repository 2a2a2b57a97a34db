import type { Scenario } from './types';
import { validateScenario } from './validateScenario';

/** The scenario cut (or stretched) to `quarters`; licenses scheduled after the end are not offered. */
export function withQuarters(scenario: Scenario, quarters: number): Scenario {
  return validateScenario({
    ...scenario,
    quarters,
    satellites: {
      ...scenario.satellites,
      licenses: scenario.satellites.licenses.filter((l) => l.auctionQuarter <= quarters),
    },
  });
}
