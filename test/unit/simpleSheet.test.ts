import { describe, expect, it } from 'vitest';
import { simpleSheet, type Position } from '../../client/src/orders/simpleSheet';
import { DEFAULT_SCENARIO as sc } from '../../shared/scenario/loadScenario';
import { committedSpendFor, validateOrders } from '../../shared/rules/ordersRules';
import { initialState } from '../../shared/rules/initialState';

const start: Position = { chips: 0, robotLines: 0, robotLinesBuilding: 0, plants: 0, plantsBuilding: 0, robotsDeployed: 0, lastChipPriceUsd: null, quarter: 1, computeCostUsd: 4000, permitsHeld: 0, licensesHeld: 0 };
const noChoices = { permits: [], spectrumBids: {}, prices: {} };

describe('the simple orders panel', () => {
  it('turns five budgets into a full sheet by the documented rule', () => {
    const sheet = simpleSheet({ chips: 500, ai: 1000, robotaxi: 1000, robots: 2500, satellites: 800 }, start, { ...noChoices, permits: ['phoenix'], spectrumBids: { 'north-america-s': 1800, 'europe-l': 0 } }, sc);
    // Cars: 600M / (35,000 + 4,000 + 960) = 15,015 cars; the chips they need are bid for at 1.2 × $800.
    expect(sheet).toEqual({
      chipRnD: 500,
      aiTraining: 1000,
      fsdRnD: 400,
      buyCars: 15_015,
      robotRnD: 1000,
      buildRobotLines: 1,
      buildActuatorPlants: 1,
      launches: 4,
      phonePartnerships: 320,
      foundryBid: { chips: 15_015, maxPriceUsd: 960 },
      applyPermits: ['phoenix'],
      spectrumBids: { 'north-america-s': 1800 },
    });
  });

  it('builds and deploys robots once a line is online, and stays within what it spends', () => {
    const pos = { ...start, robotLines: 1, plants: 1, chips: 1000, lastChipPriceUsd: 1000, robotsDeployed: 4000 };
    const sheet = simpleSheet({ chips: 0, ai: 0, robotaxi: 0, robots: 1000, satellites: 0 }, pos, noChoices, sc);
    expect(sheet.produceRobots).toBe(5000);
    expect(sheet.deployInternal).toBe(1000);
    expect(sheet.foundryBid).toEqual({ chips: 4000, maxPriceUsd: 1200 });
    expect(() => validateOrders({ ...initialState(), quarter: 1 }, sheet)).not.toThrow();
    expect(committedSpendFor(sc, 0, sheet)).toBeLessThan(1000 * 1e6 * 1.05);
  });

  it('buys no idle cars without a permit and launches nothing without a license', () => {
    const sheet = simpleSheet({ chips: 0, ai: 0, robotaxi: 1000, robots: 0, satellites: 800 }, start, noChoices, sc);
    expect(sheet).toEqual({ fsdRnD: 1000 });
    const licensed = simpleSheet({ chips: 0, ai: 0, robotaxi: 0, robots: 0, satellites: 800 }, { ...start, licensesHeld: 1 }, noChoices, sc);
    expect(licensed).toEqual({ launches: 4, phonePartnerships: 320 });
  });

  it('spends nothing for zero budgets and keeps the chosen prices', () => {
    expect(simpleSheet({ chips: 0, ai: 0, robotaxi: 0, robots: 0, satellites: 0 }, start, { ...noChoices, prices: { ridePriceUsd: 11 } }, sc)).toEqual({ ridePriceUsd: 11 });
  });
});
