import { describe, expect, it } from 'vitest';
import { heldQuarter } from '../../shared/rules/reveal';
import { given } from '../support/given';
import { asPlayer, historyOf, newTestMatch } from '../support/newTestMatch';

const facilitator = { role: 'facilitator' } as const;

/** A two-player match with staged reveal on, and quarter 1 resolved but not yet released. */
function heldAfterQuarterOne() {
  const m = newTestMatch({ players: 2, seed: 'reveal' });
  m.exec({ type: 'SetStagedReveal', data: { on: true } }, facilitator);
  m.exec({ type: 'EndPlanning', data: { quarter: 1 } });
  return m;
}

describe('staged reveal', () => {
  it('is switched on by the facilitator only, as an event', () => {
    const history = historyOf(newTestMatch({ players: 2, seed: 'reveal' }));
    given(history).when({ type: 'SetStagedReveal', data: { on: true } }, facilitator).then([{ type: 'StagedRevealSet', data: { on: true } }]);
    given(history).when({ type: 'SetStagedReveal', data: { on: true } }, asPlayer(0)).thenRejects('NOT_ALLOWED');
    given(history).when({ type: 'SetStagedReveal', data: { on: 'yes' } }, facilitator).thenRejects('MALFORMED_COMMAND');
    expect(given([...history, { type: 'StagedRevealSet', data: { on: true } }]).state.reveal).toEqual({ staged: true, revealed: 0 });
  });

  it('holds a resolved quarter back: nothing is released without the facilitator, and planning waits', () => {
    const m = heldAfterQuarterOne();
    expect(m.state.quarter).toBe(2);
    expect(heldQuarter(m.state)).toBe(1);
    const history = historyOf(m);
    given(history).when({ type: 'SubmitOrders', data: { seat: 0, quarter: 2, orders: {} } }, asPlayer(0)).thenRejects('RESULTS_HELD');
    given(history).when({ type: 'LockOrders', data: { seat: 1, quarter: 2 } }, asPlayer(1)).thenRejects('RESULTS_HELD');
    given(history).when({ type: 'EndPlanning', data: { quarter: 2 } }, facilitator).thenRejects('RESULTS_HELD');
    given(history).when({ type: 'RevealResults', data: { quarter: 1 } }, asPlayer(0)).thenRejects('NOT_ALLOWED');
    given(history).when({ type: 'RevealResults', data: { quarter: 2 } }, facilitator).thenRejects('STALE_QUARTER');
  });

  it('a release lets the players see quarter 1 and plan quarter 2', () => {
    const history = historyOf(heldAfterQuarterOne());
    given(history).when({ type: 'RevealResults', data: { quarter: 1 } }, facilitator).then([{ type: 'ResultsRevealed', data: { quarter: 1 } }]);
    const released = [...history, { type: 'ResultsRevealed', data: { quarter: 1 } } as const];
    expect(heldQuarter(given(released).state)).toBeNull();
    given(released).when({ type: 'LockOrders', data: { seat: 1, quarter: 2 } }, asPlayer(1)).then([{ type: 'OrdersLocked', data: { seat: 1, quarter: 2 } }]);
    given(released).when({ type: 'RevealResults', data: { quarter: 1 } }, facilitator).thenRejects('NOTHING_HELD');
  });

  it('switching it off releases whatever was held; without it nothing is ever held', () => {
    const m = heldAfterQuarterOne();
    m.exec({ type: 'SetStagedReveal', data: { on: false } }, facilitator);
    expect(heldQuarter(m.state)).toBeNull();
    const plain = newTestMatch({ players: 1, seed: 'plain' });
    plain.exec({ type: 'EndPlanning', data: { quarter: 1 } });
    expect(heldQuarter(plain.state)).toBeNull();
  });

  it('the facilitator may end the match early (standings decide), but not over held results', () => {
    const m = newTestMatch({ players: 2, seed: 'early' });
    m.exec({ type: 'EndPlanning', data: { quarter: 1 } });
    const history = historyOf(m);
    const valuations = m.state.players.map((p) => p.valuation);
    const ranking = valuations[1]! > valuations[0]! ? [1, 0] : [0, 1];
    given(history).when({ type: 'EndMatch', data: {} }, facilitator).then([{ type: 'MatchEnded', data: { winner: ranking[0]!, ranking, reason: 'valuation', valuations } }]);
    given(history).when({ type: 'EndMatch', data: {} }, asPlayer(0)).thenRejects('NOT_ALLOWED');
    given(historyOf(heldAfterQuarterOne())).when({ type: 'EndMatch', data: {} }, facilitator).thenRejects('RESULTS_HELD');
  });
});
