import type { Scenario } from '../scenario/types';

/** "Q4 2025" for quarter 1 of the default scenario. */
export function quarterLabel(scenario: Scenario, quarter: number): string {
  const start = scenario.calendarStart;
  const index = start.year * 4 + (start.quarter - 1) + (quarter - 1);
  return `Q${(index % 4) + 1} ${Math.floor(index / 4)}`;
}
