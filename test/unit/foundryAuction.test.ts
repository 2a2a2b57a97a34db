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

  it('sells at the reserve when the bids do not use up the supply: nobody was outbid', () => {
    const r = clearFoundry(1000, [bid(0, 10, 2000), bid(1, 10, 850), bid(2, 10, 700)], 800);
    expect(r).toEqual({
      clearingPriceUsd: 800,
      sold: 20,
      awards: [
        { seat: 0, requested: 10, maxPriceUsd: 2000, chips: 10, paid: 8000 },
        { seat: 1, requested: 10, maxPriceUsd: 850, chips: 10, paid: 8000 },
      ],
    });
    // Exactly the supply asked for: still nobody outbid.
    expect(clearFoundry(20, [bid(0, 10, 2000), bid(1, 10, 850)], 800).clearingPriceUsd).toBe(800);
    // One chip more than the supply: the lowest filled bid sets the price.
    expect(clearFoundry(19, [bid(0, 10, 2000), bid(1, 10, 850)], 800).clearingPriceUsd).toBe(850);
    expect(clearFoundry(1000, [], 800)).toEqual({ clearingPriceUsd: null, sold: 0, awards: [] });
  });

  it('supply starts at 20k for four seats and grows 10% a quarter', () => {
    expect([1, 2, 3, 5].map((q) => foundrySupply(20000, 0.1, q))).toEqual([20000, 22000, 24200, 29282]);
  });

  it('a match with more or fewer seats gets supply in proportion (the scenario is for four)', () => {
    for (const [players, supply] of [[2, 10_000], [4, 20_000], [6, 30_000]] as const) {
      const m = newTestMatch({ players });
      submit(m, 0, { foundryBid: { chips: 1, maxPriceUsd: 800 } });
      const events = endPlanning(m);
      expect(events.find((e) => e.type === 'FoundryAuctionCleared')!.data.supply).toBe(supply);
    }
  });

  it('refuses a bid above the foundry’s list price, and at the list price shares the chips pro rata', () => {
    const m = newTestMatch({ players: 2 });
    expect(() => submit(m, 0, { foundryBid: { chips: 10, maxPriceUsd: 2001 } })).toThrow(
      expect.objectContaining({ code: 'BID_ABOVE_CEILING', message: 'The foundry sells at most at its list price of $2000 per chip.' }),
    );
    submit(m, 0, { foundryBid: { chips: 12_000, maxPriceUsd: 2000 } });
    submit(m, 1, { foundryBid: { chips: 8_000, maxPriceUsd: 2000 } });
    const cleared = endPlanning(m).find((e) => e.type === 'FoundryAuctionCleared')!.data;
    expect(cleared.clearingPriceUsd).toBe(2000);
    expect(cleared.awards.map((a) => a.chips)).toEqual([6_000, 4_000]);
  });

  it('a resolved quarter delivers chips to inventory and takes the payment from cash', () => {
    // Two seats: half the four-seat supply, 10,000 chips.
    const m = newTestMatch({ players: 2 });
    submit(m, 0, { foundryBid: { chips: 8_000, maxPriceUsd: 1400 } });
    submit(m, 1, { foundryBid: { chips: 5_000, maxPriceUsd: 1100 } });
    const events = endPlanning(m);
    expect(events.find((e) => e.type === 'FoundryAuctionCleared')!.data).toEqual({
      quarter: 1,
      supply: 10_000,
      clearingPriceUsd: 1100,
      sold: 10_000,
      awards: [
        { seat: 0, requested: 8_000, maxPriceUsd: 1400, chips: 8_000, paid: 8_800_000 },
        { seat: 1, requested: 5_000, maxPriceUsd: 1100, chips: 2_000, paid: 2_200_000 },
      ],
    });
    expect(m.state.players.map((p) => p.chips)).toEqual([8_000, 2_000]);
    expect(m.state.players.map((p) => p.cash)).toEqual([17_500_000_000 - 8_800_000, 17_500_000_000 - 2_200_000]);
    expect(m.state.foundry).toEqual({ quarter: 1, supply: 10_000, clearingPriceUsd: 1100, sold: 10_000 });
  });
});
