import { describe, expect, it } from 'vitest';
import type { Command } from '../../shared/domain/commands';
import type { Actor } from '../../shared/domain/ids';
import type { LocalMatch } from '../../shared/sim/LocalMatch';
import { PlayersView } from '../../server/rooms/playersView';
import { newTestMatch } from '../support/newTestMatch';

const facilitator: Actor = { role: 'facilitator' };

/** Runs a command on the match and hands the view what the host would: the stored events and the new state. */
function step(m: LocalMatch, view: PlayersView, command: Command, actor?: Actor) {
  const from = m.log.length;
  m.exec(command, actor);
  return view.update(m.log.slice(from), m.state);
}

describe('what players see of a match (the match room’s view)', () => {
  it('follows the live state and reports each resolved quarter', () => {
    const m = newTestMatch({ players: 2, seed: 'view-live' });
    const view = new PlayersView(m.log, m.state);
    expect(view.shown).toBe(m.state);
    expect(view.lastQuarter).toBeNull();
    expect(step(m, view, { type: 'LockOrders', data: { seat: 0, quarter: 1 } }, { role: 'player', seat: 0 })).toEqual({ reportChanged: false });
    expect(step(m, view, { type: 'EndPlanning', data: { quarter: 1 } })).toEqual({ reportChanged: true });
    expect(view.shown.quarter).toBe(2);
    expect(view.lastQuarter![0]).toMatchObject({ type: 'PlanningEnded', data: { quarter: 1 } });
    expect(view.lastQuarter!.at(-1)).toMatchObject({ type: 'QuarterResolved', data: { quarter: 1 } });
  });

  it('holds a resolved quarter back under a staged reveal, shows the facilitator’s controls meanwhile, and reports it once released', () => {
    const m = newTestMatch({ players: 2, seed: 'view-held' });
    m.exec({ type: 'SetStagedReveal', data: { on: true } }, facilitator);
    const view = new PlayersView(m.log, m.state);
    expect(step(m, view, { type: 'EndPlanning', data: { quarter: 1 } })).toEqual({ reportChanged: false });
    expect(m.state.quarter).toBe(2);
    expect(view.shown.quarter).toBe(1);
    expect(view.shown.players[0]!.cash).toBe(newTestMatch({ players: 2, seed: 'view-held' }).state.players[0]!.cash);
    expect(view.lastQuarter).toBeNull();
    expect(step(m, view, { type: 'PauseMatch', data: {} }, facilitator)).toEqual({ reportChanged: false });
    expect(view.shown.paused).toBe(true);
    expect(view.shown.quarter).toBe(1);

    // A room opened while the quarter is held (a restart) sees the same.
    const reopened = new PlayersView(m.log, m.state);
    expect(reopened.shown.quarter).toBe(1);
    expect(reopened.shown.paused).toBe(true);

    expect(step(m, view, { type: 'RevealResults', data: { quarter: 1 } }, facilitator)).toEqual({ reportChanged: true });
    expect(view.shown).toBe(m.state);
    expect(view.lastQuarter![0]).toMatchObject({ type: 'PlanningEnded', data: { quarter: 1 } });
    expect(view.lastQuarter!.at(-1)).toMatchObject({ type: 'QuarterResolved', data: { quarter: 1 } });
  });
});
