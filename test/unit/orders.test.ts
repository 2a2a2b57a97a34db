import { describe, expect, it } from 'vitest';
import type { Orders } from '../../shared/domain/orders';
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
