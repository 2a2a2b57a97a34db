import { describe, expect, it } from 'vitest';
import type { Orders } from '../../shared/domain/orders';
import { permitCap } from '../../shared/rules/ordersRules';
import { DEFAULT_SCENARIO } from '../../shared/scenario/loadScenario';
import { fact } from '../support/facts';
import { given } from '../support/given';
import { asPlayer, historyOf, newTestMatch } from '../support/newTestMatch';

const match = newTestMatch({ players: 2 });
const history = historyOf(match);
const submit = (orders: unknown, seat = 0, quarter = 1) =>
  given(history).when({ type: 'SubmitOrders', data: { seat, quarter, orders } }, asPlayer(0));

describe('orders validation', () => {
  it('accepts a sheet and replaces the previous one', () => {
    const orders: Orders = {
      chipRnD: 500,
      aiTraining: 1000,
      foundryBid: { chips: 10000, maxPriceUsd: 1000 },
      applyPermits: ['austin', 'austin', 'phoenix'],
      spectrumBids: { 'north-america-s': 1800 },
      ridePriceUsd: 11.5,
    };
    submit(orders).then([
      {
        type: 'OrdersSubmitted',
        data: { seat: 0, quarter: 1, orders: { ...orders, applyPermits: ['austin', 'phoenix'] } },
      },
    ]);
  });

  it.each([
    [{ chipRnD: NaN }, 'NOT_FINITE'],
    [{ aiTraining: Infinity }, 'NOT_FINITE'],
    [{ fsdRnD: -1 }, 'NEGATIVE_AMOUNT'],
    [{ buyCars: 2.5 }, 'NOT_INTEGER'],
    [{ buyCars: 1e308 }, 'AMOUNT_TOO_LARGE'],
    [{ ridePriceUsd: 0 }, 'PRICE_TOO_LOW'],
    [{ applyPermits: ['atlantis'] }, 'UNKNOWN_CITY'],
    [{ spectrumBids: { 'moon-l': 2000 } }, 'UNKNOWN_LICENSE'],
    [{ spectrumBids: JSON.parse('{"__proto__": 2000}') }, 'MALFORMED_COMMAND'],
    [{ spectrumBids: { constructor: 2000 } }, 'MALFORMED_COMMAND'],
    [JSON.parse('{"__proto__": {"chipRnD": 1}}'), 'MALFORMED_COMMAND'],
    [{ spectrumBids: { 'europe-s': 3000 } }, 'LICENSE_NOT_FOR_SALE'],
    [{ spectrumBids: { 'north-america-s': 100 } }, 'BID_BELOW_RESERVE'],
    [{ foundryBid: { chips: 100, maxPriceUsd: 799 } }, 'BID_BELOW_RESERVE'],
    [{ foundryBid: { chips: 100, maxPriceUsd: 2001 } }, 'BID_ABOVE_CEILING'],
    [{ applyPermits: ['austin', 'phoenix', 'dubai', 'berlin'] }, 'TOO_MANY_PERMITS'],
    [{ spectrumBids: { 'north-america-s': 1800, 'europe-l': 2200, 'africa-l': 3000 } }, 'TOO_MANY_BIDS'],
    [{ launches: 5 }, 'TOO_MANY_LAUNCHES'],
    [{ buildActuatorPlants: 5 }, 'TOO_MANY_PLANTS'],
    [{ buildRobotLines: 7 }, 'TOO_MANY_ROBOT_LINES'],
    [{ chipRnD: 15000.000001 }, 'INSUFFICIENT_CASH'],
    [{ buildActuatorPlants: 4, buildRobotLines: 6, launches: 4, aiTraining: 8000 }, 'INSUFFICIENT_CASH'],
    [{ chipRnD: '5' }, 'MALFORMED_COMMAND'],
    [{ chipRnD: 5, hack: 1 }, 'MALFORMED_COMMAND'],
  ] as Array<[unknown, string]>)('refuses %j with %s', (orders, code) => {
    submit(orders).thenRejects(code as never);
  });

  it('counts the permits a company holds against the cap of three; a city it holds is not counted twice', () => {
    const holding = given([...history, fact.permit(0, 'austin'), fact.permit(0, 'phoenix')]);
    const apply = (applyPermits: string[]) => holding.when({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { applyPermits } } }, asPlayer(0));
    expect(apply(['dubai', 'austin']).events()).toHaveLength(1);
    const refused = apply(['dubai', 'berlin']).thenRejects('TOO_MANY_PERMITS');
    expect(refused.message).toBe('A company may hold at most 3 city permits (you hold 2 and apply for 2).');
    expect(refused.details).toEqual({ field: 'applyPermits', limit: 3, held: 2 });
  });

  it('the permit cap is a fair share of the twelve slots, never below the milestone’s two cities', () => {
    expect([1, 2, 4, 5, 6, 8].map((seats) => permitCap(DEFAULT_SCENARIO, seats))).toEqual([3, 3, 3, 2, 2, 2]);
    const six = newTestMatch({ players: 6 });
    const sixHistory = historyOf(six);
    const apply = (applyPermits: string[]) =>
      given(sixHistory).when({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { applyPermits } } }, asPlayer(0));
    expect(apply(['austin', 'phoenix']).events()).toHaveLength(1);
    expect(apply(['austin', 'phoenix', 'dubai']).thenRejects('TOO_MANY_PERMITS').message).toBe(
      'A company may hold at most 2 city permits (you hold 0 and apply for 3).',
    );
  });

  it('two license bids in a quarter are accepted, a third is refused with the limit', () => {
    expect(submit({ spectrumBids: { 'north-america-s': 1800, 'europe-l': 2200 } }).events()).toHaveLength(1);
    // A zero is no bid: it does not count.
    expect(submit({ spectrumBids: { 'north-america-s': 1800, 'europe-l': 2200, 'africa-l': 0 } }).events()).toHaveLength(1);
    const refused = submit({ spectrumBids: { 'north-america-s': 1800, 'europe-l': 2200, 'asia-pacific-s': 12200 } }).thenRejects('TOO_MANY_BIDS');
    expect(refused.message).toBe('At most 2 spectrum licenses can be bid for in one quarter.');
  });

  it('a sheet committing exactly the cash on hand is accepted', () => {
    expect(submit({ chipRnD: 15000 }).events()).toHaveLength(1);
  });

  it('refuses another player’s seat, a stale quarter and a locked sheet', () => {
    submit({}, 1).thenRejects('SEAT_NOT_YOURS');
    submit({}, 5).thenRejects('UNKNOWN_SEAT');
    submit({}, 0, 2).thenRejects('STALE_QUARTER');
    given(history)
      .when({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: {} } }, { role: 'facilitator' })
      .thenRejects('NOT_ALLOWED');
    const locked = [...history, { type: 'OrdersLocked', data: { seat: 0, quarter: 1 } } as const];
    given(locked).when({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: {} } }, asPlayer(0)).thenRejects('ORDERS_LOCKED');
    given(locked).when({ type: 'LockOrders', data: { seat: 0, quarter: 1 } }, asPlayer(0)).thenRejects('ORDERS_LOCKED');
    given(locked)
      .when({ type: 'UnlockOrders', data: { seat: 0, quarter: 1 } }, asPlayer(0))
      .then([{ type: 'OrdersUnlocked', data: { seat: 0, quarter: 1 } }]);
    given(history).when({ type: 'UnlockOrders', data: { seat: 0, quarter: 1 } }, asPlayer(0)).thenRejects('NOT_LOCKED');
  });

  it('only the clock or a facilitator ends planning, and only for the current quarter', () => {
    given(history).when({ type: 'EndPlanning', data: { quarter: 1 } }, asPlayer(0)).thenRejects('NOT_ALLOWED');
    given(history).when({ type: 'EndPlanning', data: { quarter: 2 } }).thenRejects('STALE_QUARTER');
  });
});
