import type { GameState } from '../domain/state';
import { defaultScenario } from '../scenario/defaultScenario';

/** The state before MatchCreated: every match's log folds from here. */
export function initialState(): GameState {
  return {
    matchId: '',
    status: 'new',
    paused: false,
    seed: '',
    rng: { a: 0, b: 0, c: 0, d: 0 },
    scenario: defaultScenario,
    settings: { seats: 0, winLoops: 2, planningSeconds: 0 },
    quarter: 0,
    seats: [],
    players: [],
    foundry: null,
    permits: {},
    licenses: {},
    shocks: { active: [], injected: [] },
    news: [],
    result: null,
    reveal: { staged: false, revealed: 0 },
    joiningClosed: false,
  };
}
