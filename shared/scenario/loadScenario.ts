import { defaultScenario } from './defaultScenario';
import type { Scenario } from './types';
import { validateScenario } from './validateScenario';

/** The default scenario, checked once when the engine loads: a bad edit fails at start-up. */
export const DEFAULT_SCENARIO: Scenario = validateScenario(defaultScenario);

export const SCENARIOS: Readonly<Record<string, Scenario>> = { default: DEFAULT_SCENARIO };
