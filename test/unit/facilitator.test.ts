import { describe, expect, it } from 'vitest';
import { given } from '../support/given';
import { asPlayer, endPlanning, historyOf, newTestMatch } from '../support/newTestMatch';

const facilitator = { role: 'facilitator' } as const;
const history = () => historyOf(newTestMatch({ players: 2, seed: 'facilitator' }));

describe('facilitator commands', () => {
  it('sets the planning timer, within bounds, facilitator only', () => {
    given(history()).when({ type: 'SetPlanningTimer', data: { seconds: 45 } }, facilitator).then([{ type: 'PlanningTimerSet', data: { seconds: 45 } }]);
    expect(given([...history(), { type: 'PlanningTimerSet', data: { seconds: 45 } }]).state.settings.planningSeconds).toBe(45);
    given(history()).when({ type: 'SetPlanningTimer', data: { seconds: 45 } }, asPlayer(0)).thenRejects('NOT_ALLOWED');
    given(history()).when({ type: 'SetPlanningTimer', data: { seconds: -1 } }, facilitator).thenRejects('INVALID_SETTINGS');
    given(history()).when({ type: 'SetPlanningTimer', data: { seconds: 4000 } }, facilitator).thenRejects('INVALID_SETTINGS');
  });

  it('hands a seat to a bot, which then plays it', () => {
    const bot = { strategy: 'robots', difficulty: 'easy' } as const;
    given(history())
      .when({ type: 'ReplaceSeat', data: { seat: 1, bot } }, facilitator)
      .then([{ type: 'SeatReplaced', data: { seat: 1, name: 'Bot 2 (robots)', bot } }]);
    given(history()).when({ type: 'ReplaceSeat', data: { seat: 1, bot } }, asPlayer(0)).thenRejects('NOT_ALLOWED');
    given(history()).when({ type: 'ReplaceSeat', data: { seat: 5, bot } }, facilitator).thenRejects('UNKNOWN_SEAT');
    const replaced = [...history(), { type: 'SeatReplaced', data: { seat: 1, name: 'Bot 2 (robots)', bot } } as const];
    expect(given(replaced).state.seats[1]).toEqual({ index: 1, name: 'Bot 2 (robots)', kind: 'bot', bot });
    given(replaced).when({ type: 'ReplaceSeat', data: { seat: 1, bot } }, facilitator).thenRejects('SEAT_TAKEN');
  });

  it('both are refused once the match has ended', () => {
    const m = newTestMatch({ players: 1, seed: 'over' });
    while (m.state.status === 'planning') endPlanning(m);
    given(historyOf(m)).when({ type: 'SetPlanningTimer', data: { seconds: 10 } }, facilitator).thenRejects('MATCH_ENDED');
  });
});
