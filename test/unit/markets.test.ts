import { describe, expect, it } from 'vitest';
import { Rng, seedPrng } from '../../shared/random/prng';
import { clearActuatorExchange } from '../../shared/rules/markets/actuatorExchange';
import { splitRides } from '../../shared/rules/markets/rideMarket';
import { sellRobots } from '../../shared/rules/markets/robotMarket';
import { proportionalUnits } from '../../shared/rules/markets/shareSplit';
import { clearSpectrum } from '../../shared/rules/markets/spectrumAuction';
import { splitSubscribers } from '../../shared/rules/markets/subscriberMarket';

describe('spectrum auction (sealed bid, second price)', () => {
  const rng = () => new Rng(seedPrng('spectrum'));
  it('the highest bid wins and pays the second-highest bid', () => {
    expect(clearSpectrum([{ seat: 0, amountM: 2500 }, { seat: 1, amountM: 2000 }, { seat: 2, amountM: 1800 }], 1700, rng())).toEqual({
      winner: 0,
      price: 2_000_000_000,
    });
  });
  it('a lone bidder pays the reserve; bids under the reserve do not count; no bids, no sale', () => {
    expect(clearSpectrum([{ seat: 2, amountM: 1800 }, { seat: 1, amountM: 900 }], 1700, rng())).toEqual({ winner: 2, price: 1_700_000_000 });
    expect(clearSpectrum([{ seat: 1, amountM: 900 }], 1700, rng())).toEqual({ winner: null, price: 0 });
    expect(clearSpectrum([], 1700, rng())).toEqual({ winner: null, price: 0 });
  });
  it('equal top bids are separated by the seeded generator and the winner pays that amount', () => {
    const bids = [{ seat: 1, amountM: 2500 }, { seat: 3, amountM: 2500 }, { seat: 0, amountM: 1800 }];
    expect(clearSpectrum(bids, 1700, new Rng(seedPrng('tie')))).toEqual({ winner: 3, price: 2_500_000_000 });
    expect(clearSpectrum(bids, 1700, new Rng(seedPrng('tie-4')))).toEqual({ winner: 1, price: 2_500_000_000 });
  });
});

describe('ride market', () => {
  it('splits demand by capacity·(U/100)²·price^−1.5, served up to capacity', () => {
    const ops = splitRides(
      1_000_000,
      [
        { seat: 0, cars: 100, capacity: 600_000, autonomy: 100, priceUsd: 12 },
        { seat: 1, cars: 100, capacity: 600_000, autonomy: 50, priceUsd: 12 },
      ],
      12,
      1.5,
    );
    expect(ops.map((o) => [o.served, o.revenue])).toEqual([
      [600_000, 7_200_000],
      [200_000, 2_400_000],
    ]);
  });
  it('an operator priced above the reference loses riders to other transport', () => {
    const [op] = splitRides(100_000, [{ seat: 0, cars: 100, capacity: 10_000_000, autonomy: 100, priceUsd: 24 }], 12, 1.5);
    // 100,000 × (12/24)^1.5 = 35,355.3
    expect(op).toMatchObject({ served: 35_355, revenue: 848_520 });
  });
});

describe('robot market', () => {
  it('splits demand by (X/100)²·price^−1.5, capped by stock; remote sites only through the network', () => {
    const sellers = sellRobots(
      10_000,
      2_000,
      [
        { seat: 0, offered: 20_000, dexterity: 80, priceUsd: 50_000, reach: 0.5 },
        { seat: 1, offered: 1_000, dexterity: 40, priceUsd: 50_000, reach: 0 },
      ],
      50_000,
      1.5,
    );
    expect(sellers).toEqual([
      { seat: 0, priceUsd: 50_000, offered: 20_000, sold: 8_000, remoteSold: 2_000, revenue: 500_000_000 },
      { seat: 1, priceUsd: 50_000, offered: 1_000, sold: 1_000, remoteSold: 0, revenue: 50_000_000 },
    ]);
  });
});

describe('subscriber market', () => {
  it('users × P × coverage × share, sharing with the incumbent carriers by price', () => {
    expect(splitSubscribers(100e6, [{ seat: 0, coverage: 0.7, adoption: 0.5, priceUsd: 5 }], 5, 1.5, 3)).toEqual([
      { seat: 0, coverage: 0.7, priceUsd: 5, subscribers: 17_500_000, revenue: 262_500_000 },
    ]);
    const two = splitSubscribers(
      90e6,
      [
        { seat: 0, coverage: 1, adoption: 1, priceUsd: 5 },
        { seat: 1, coverage: 1, adoption: 1, priceUsd: 5 },
      ],
      5,
      1.5,
      3,
    );
    expect(two.map((p) => p.subscribers)).toEqual([30_000_000, 30_000_000]);
  });
});

describe('actuator exchange', () => {
  it('clears at the volume-maximising price; ties by imbalance, then the middle candidate; long side pro rata', () => {
    const result = clearActuatorExchange(
      [
        { seat: 0, qty: 100, priceUsd: 300 },
        { seat: 1, qty: 100, priceUsd: 400 },
      ],
      [
        { seat: 2, qty: 150, priceUsd: 450 },
        { seat: 3, qty: 100, priceUsd: 350 },
      ],
    );
    expect(result).toEqual({
      priceUsd: 400,
      volume: 150,
      fills: [
        { seat: 0, side: 'sell', qty: 75, amount: 30_000 },
        { seat: 1, side: 'sell', qty: 75, amount: 30_000 },
        { seat: 2, side: 'buy', qty: 150, amount: 60_000 },
      ],
    });
  });
  it('does not trade when no bid reaches an ask', () => {
    expect(clearActuatorExchange([{ seat: 0, qty: 10, priceUsd: 500 }], [{ seat: 1, qty: 10, priceUsd: 400 }])).toEqual({
      priceUsd: null,
      volume: 0,
      fills: [],
    });
  });
  it('between equally good prices, the lower middle candidate wins', () => {
    const r = clearActuatorExchange([{ seat: 0, qty: 1000, priceUsd: 200 }], [{ seat: 1, qty: 400, priceUsd: 300 }]);
    expect(r).toMatchObject({ priceUsd: 200, volume: 400 });
  });
});

describe('proportional units', () => {
  it('hands leftover units by largest remainder, then lower index, never to a zero weight', () => {
    expect(proportionalUnits(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(proportionalUnits(5, [0, 3, 1])).toEqual([0, 4, 1]);
    expect(proportionalUnits(7, [0, 0])).toEqual([0, 0]);
  });
});
