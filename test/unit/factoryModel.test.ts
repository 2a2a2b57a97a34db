import { describe, expect, it } from 'vitest';
import { factoryModel, walkersFor, type FactorySeat } from '../../client/src/game/factoryModel';

const GENERATIONS = ['AI4', 'AI5', 'AI6'];
const seat = (i: number, extra: Partial<FactorySeat> = {}): FactorySeat => ({
  seat: i,
  name: ['Ada', 'Bot 1 (robots)', 'Cy'][i]!,
  cars: 100 * i,
  robotsDeployed: [250, 4000, 0][i]!,
  chipGeneration: 'AI4',
  ...extra,
});
const ownBooks = {
  books: {
    robots: { plants: 2, plantsBuilding: [{ count: 1, readyQuarter: 6 }], lines: 3, linesBuilding: [{ count: 1, readyQuarter: 5 }, { count: 2, readyQuarter: 7 }], actuators: 4100, inventory: 17 },
  },
};

describe('the factories model', () => {
  it('gives the reader’s own strip its plants, lines and stock, and another seat’s strip no private numbers', () => {
    const m = factoryModel({ players: [seat(0, { own: ownBooks }), seat(1, { chipGeneration: 'AI5' }), seat(2)] }, 0, GENERATIONS);
    expect(m.rows[0]).toEqual({
      seat: 0,
      name: 'Ada',
      focus: true,
      generation: 'AI4',
      generationLevel: 0,
      deployed: 250,
      cars: 0,
      sold: null,
      walkers: 6,
      books: { plants: 2, plantsBuilding: 1, lines: 3, linesBuilding: 3, actuators: 4100, inventory: 17 },
    });
    expect(m.rows[1]).toEqual({ seat: 1, name: 'Bot 1 (robots)', focus: false, generation: 'AI5', generationLevel: 1, deployed: 4000, cars: 100, sold: null, walkers: 10, books: null });
    expect(m.rows[2]!.books).toBeNull();
    expect(m.rows[2]!.walkers).toBe(0);
    // Before the first auction there is no foundry to draw.
    expect(m.foundry).toBeNull();
  });

  it('reads last quarter’s chips won and robots sold from the public report', () => {
    const report = {
      foundry: { supply: 22000, clearingPriceUsd: 1130, sold: 21000, chipsWon: [{ seat: 2, chips: 14000 }, { seat: 0, chips: 7000 }] },
      robots: { shares: [{ seat: 1, sold: 1500, remoteSold: 320 }] },
    };
    const m = factoryModel({ players: [seat(0), seat(1), seat(2)], report }, 1, GENERATIONS);
    expect(m.foundry).toEqual({ supply: 22000, sold: 21000, priceUsd: 1130, won: [7000, 0, 14000] });
    // A seat the robot market knows nothing about sold none; walkers count robots sold and at work.
    expect(m.rows.map((r) => [r.sold, r.walkers, r.focus])).toEqual([
      [0, walkersFor(250), false],
      [1820, walkersFor(5820), true],
      [0, 0, false],
    ]);
    expect(walkersFor(5820)).toBe(11);
  });

  it('an auction that cleared without a price keeps the price unknown', () => {
    const m = factoryModel({ players: [seat(0)], report: { foundry: { supply: 20000, sold: 0, chipsWon: [] } } }, 0, GENERATIONS);
    expect(m.foundry).toEqual({ supply: 20000, sold: 0, priceUsd: null, won: [0] });
  });

  it('walks robots on a capped log scale', () => {
    expect([0, 1, 10, 100, 1000, 10_000, 1e7].map(walkersFor)).toEqual([0, 1, 1, 4, 8, 12, 16]);
  });
});
