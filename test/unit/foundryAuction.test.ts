import { describe, expect, it } from 'vitest';
import { clearFoundry, foundrySupply } from '../../shared/rules/markets/foundryAuction';
import { endPlanning, newTestMatch, submit } from '../support/newTestMatch';

const bid = (seat: number, chips: number, maxPriceUsd: number) => ({ seat, chips, maxPriceUsd });

describe('foundry auction (uniform price)', () => {
  it('fills from the highest bid down and charges everyone the lowest filled bid', () => {
    expect(clearFoundry(100, [bid(0, 40, 1500), bid(1, 50, 1200), bid(2, 30, 1000)], 800)).toEqual({
      clearingPriceUsd: 1000,
      sold: 100,
      awards: [
        { seat: 0, requested: 40, maxPriceUsd: 1500, chips: 40, paid: 40_000 },
        { seat: 1, requested: 50, maxPriceUsd: 1200, chips: 50, paid: 50_000 },
        { seat: 2, requested: 30, maxPriceUsd: 1000, chips: 10, paid: 10_000 },
      ],
    });
  });

  it('leaves bids below the marginal price empty-handed and they pay nothing', () => {
    const r = clearFoundry(90, [bid(0, 40, 1500), bid(1, 50, 1200), bid(2, 30, 1000)], 800);
    expect(r.clearingPriceUsd).toBe(1200);
    expect(r.awards.map((a) => [a.chips, a.paid])).toEqual([
      [40, 48_000],
      [50, 60_000],
      [0, 0],
    ]);
  });

  it('splits a tie at the margin pro rata, leftover chips by largest remainder then seat', () => {
    const r = clearFoundry(100, [bid(0, 50, 1000), bid(1, 30, 900), bid(2, 60, 900)], 800);
    expect(r.clearingPriceUsd).toBe(900);
    expect(r.awards.map((a) => a.chips)).toEqual([50, 17, 33]);
    // Equal remainders: the leftover chip goes to the lower seat.
    const even = clearFoundry(11, [bid(3, 10, 900), bid(1, 10, 900)], 800);
    expect(even.awards).toEqual([
      { seat: 1, requested: 10, maxPriceUsd: 900, chips: 6, paid: 5400 },
      { seat: 3, requested: 10, maxPriceUsd: 900, chips: 5, paid: 4500 },
    ]);
  });

  it('sells at the lowest filled bid when supply is not exhausted, never below the reserve', () => {
    const r = clearFoundry(1000, [bid(0, 10, 2000), bid(1, 10, 850), bid(2, 10, 700)], 800);
    expect(r).toEqual({
      clearingPriceUsd: 850,
      sold: 20,
      awards: [
        { seat: 0, requested: 10, maxPriceUsd: 2000, chips: 10, paid: 8500 },
        { seat: 1, requested: 10, maxPriceUsd: 850, chips: 10, paid: 8500 },
      ],
    });
    expect(clearFoundry(1000, [], 800)).toEqual({ clearingPriceUsd: null, sold: 0, awards: [] });
  });

  it('supply starts at 60k and grows 15% a quarter', () => {
    expect([1, 2, 3, 5].map((q) => foundrySupply(60000, 0.15, q))).toEqual([60000, 69000, 79350, 104940]);
  });

  it('a resolved quarter delivers chips to inventory and takes the payment from cash', () => {
    const m = newTestMatch({ players: 2 });
    submit(m, 0, { foundryBid: { chips: 50_000, maxPriceUsd: 1400 } });
    submit(m, 1, { foundryBid: { chips: 30_000, maxPriceUsd: 1100 } });
    const events = endPlanning(m);
    expect(events.find((e) => e.type === 'FoundryAuctionCleared')!.data).toEqual({
      quarter: 1,
      supply: 60_000,
      clearingPriceUsd: 1100,
      sold: 60_000,
      awards: [
        { seat: 0, requested: 50_000, maxPriceUsd: 1400, chips: 50_000, paid: 55_000_000 },
        { seat: 1, requested: 30_000, maxPriceUsd: 1100, chips: 10_000, paid: 11_000_000 },
      ],
    });
    expect(m.state.players.map((p) => p.chips)).toEqual([50_000, 10_000]);
    expect(m.state.players.map((p) => p.cash)).toEqual([17_500_000_000 - 55_000_000, 17_500_000_000 - 11_000_000]);
    expect(m.state.foundry).toEqual({ quarter: 1, supply: 60_000, clearingPriceUsd: 1100, sold: 60_000 });
  });
});
