import { describe, expect, it } from 'vitest';
import { fold } from '../../shared/replay/fold';
import { spectatorCut } from '../../shared/replay/spectatorCut';
import { given } from '../support/given';
import { endPlanning, historyOf, newTestMatch } from '../support/newTestMatch';
import { scriptedMatch } from '../support/scriptedMatch';

describe('spectator delay', () => {
  it('without a delay a spectator sees the whole log', () => {
    const log = scriptedMatch(3).log;
    expect(spectatorCut(log, 0)).toBe(log.length);
  });

  it('with a delay of 2 after quarter 5, the log up to quarter 3 and the opening of quarter 4', () => {
    const m = scriptedMatch(5);
    m.exec({ type: 'LockOrders', data: { seat: 0, quarter: 6 } }, { role: 'player', seat: 0 });
    const cut = spectatorCut(m.log, 2);
    const seen = m.log.slice(0, cut);
    expect(seen[seen.length - 1]!.type).toBe('PlanningOpened');
    expect(seen[seen.length - 1]!.data).toMatchObject({ quarter: 4 });
    const state = fold(seen);
    expect(state.quarter).toBe(4);
    expect(state.players.every((p) => !p.locked)).toBe(true);
    expect(seen.some((e) => e.type === 'QuarterResolved' && e.data.quarter === 4)).toBe(false);
  });

  it('before enough quarters have passed, the start of the match without any results', () => {
    const m = newTestMatch();
    endPlanning(m);
    const seen = m.log.slice(0, spectatorCut(m.log, 1));
    expect(seen.some((e) => e.type === 'QuarterResolved')).toBe(false);
    expect(seen[seen.length - 1]!.type).toBe('PlanningOpened');
    expect(fold(seen).quarter).toBe(1);
  });

  it('in the lobby, everything (there are no results yet); after the end, everything', () => {
    const lobby = newTestMatch().log.filter((e) => e.type !== 'PlanningOpened');
    expect(spectatorCut(lobby, 3)).toBe(lobby.length);
    const ended = scriptedMatch(3);
    ended.exec({ type: 'EndPlanning', data: { quarter: 4 } });
    const withEnd = [...ended.log, { type: 'MatchEnded', data: {} }] as never[];
    expect(spectatorCut(withEnd, 3)).toBe(withEnd.length);
  });

  it('the delay is chosen at creation or set by the facilitator, within the match length', () => {
    const created = given([]).when({
      type: 'CreateMatch',
      data: { matchId: 'm', seed: 's', seats: 2, winLoops: 2, planningSeconds: 0, spectatorDelay: 2 },
    }).events();
    expect(fold(created).settings.spectatorDelay).toBe(2);
    const history = historyOf(newTestMatch());
    given(history).when({ type: 'SetSpectatorDelay', data: { quarters: 1 } }, { role: 'facilitator' }).then([{ type: 'SpectatorDelaySet', data: { quarters: 1 } }]);
    given(history).when({ type: 'SetSpectatorDelay', data: { quarters: 1 } }, { role: 'player', seat: 0 }).thenRejects('NOT_ALLOWED');
    given(history).when({ type: 'SetSpectatorDelay', data: { quarters: -1 } }, { role: 'facilitator' }).thenRejects('INVALID_SETTINGS');
    given(history).when({ type: 'SetSpectatorDelay', data: { quarters: 1.5 } }, { role: 'facilitator' }).thenRejects('INVALID_SETTINGS');
    given([]).when({ type: 'CreateMatch', data: { matchId: 'm', seed: 's', seats: 2, winLoops: 2, planningSeconds: 0, spectatorDelay: 999 } }).thenRejects('INVALID_SETTINGS');
  });
});
