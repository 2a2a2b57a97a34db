import { describe, expect, it } from 'vitest';
import type { GameEvent } from '../../shared/domain/events';
import { DEFAULT_SCENARIO as sc } from '../../shared/scenario/loadScenario';
import { actuatorLearningCost, actuatorsPerRobot, deploymentCut } from '../../shared/rules/lines/robots';
import { given } from '../support/given';
import { fact } from '../support/facts';
import { historyOf, newTestMatch } from '../support/newTestMatch';

const base = historyOf(newTestMatch({ players: 2, seed: 'lines' }));
const end = { type: 'EndPlanning', data: { quarter: 1 } } as const;
const resolve = (...history: GameEvent[]) => given([...base, ...history]).when(end).events();
const only = (events: GameEvent[], type: GameEvent['type']) => events.filter((e) => e.type === type).map((e) => e.data);
const e = Math.exp;

describe('growth formulas', () => {
  it('autonomy: ΔU = (100−U)(1 − e^(−(fsdRnD + 0.5·training)·μ·(0.5 + A/100)·(1+D)/12,000))', () => {
    const [u] = only(resolve(fact.orders(0, 1, { fsdRnD: 1200 })), 'AutonomyImproved') as Array<{ after: number; amount: number }>;
    expect(u!.amount).toBe(1_200_000_000);
    expect(u!.after).toBeCloseTo(50 + 50 * (1 - e(-(1200 * 1 * 0.8) / 12000)), 12);
  });

  it('dexterity grows like autonomy from robotRnD + 0.5·training on an 11,000 scale', () => {
    const [x] = only(resolve(fact.orders(1, 1, { robotRnD: 1500 })), 'DexterityImproved') as Array<{ seat: number; after: number }>;
    expect(x!.seat).toBe(1);
    expect(x!.after).toBeCloseTo(10 + 90 * (1 - e(-(1500 * 0.8) / 11000)), 12);
  });

  it('phone adoption is zero until Q3 2026 (quarter 4), then ΔP = (1−P)(1 − e^(−(200 + partnerships)/12,000))', () => {
    const early = only(resolve(fact.orders(0, 1, { phonePartnerships: 600 })), 'PhoneAdoptionGrew');
    expect(early).toEqual([{ seat: 0, amount: 600_000_000, before: 0, after: 0, stalled: true }]);
    const q4 = given([...base, fact.quarter(4, 2), fact.orders(0, 4, { phonePartnerships: 600 })])
      .when({ type: 'EndPlanning', data: { quarter: 4 } })
      .events();
    const grew = only(q4, 'PhoneAdoptionGrew') as Array<{ seat: number; after: number }>;
    expect(grew[0]!.after).toBeCloseTo(1 - e(-800 / 12000), 12);
    expect(grew[1]!.after).toBeCloseTo(1 - e(-200 / 12000), 12);
  });

  it('actuators: 80 per robot and −15% unit cost per doubling of cumulative output', () => {
    expect(actuatorsPerRobot(sc)).toBe(80);
    expect(actuatorLearningCost(250_000, sc)).toBe(350);
    expect(actuatorLearningCost(500_000, sc)).toBeCloseTo(297.5, 9);
    expect(actuatorLearningCost(1_000_000, sc)).toBeCloseTo(252.875, 9);
    expect(deploymentCut(10_000, 0, sc)).toBeCloseTo(0.1, 12);
    expect(deploymentCut(100_000, 0, sc)).toBe(0.4);
  });
});

describe('robotaxi line', () => {
  it('a car takes one chip, is limited by chips, and arrives the next quarter', () => {
    const events = resolve(fact.chips([[0, 300]]), fact.orders(0, 1, { buyCars: 500 }));
    expect(only(events, 'CarsOrdered')).toEqual([{ seat: 0, cars: 300, requested: 500, cost: 300 * (35_000 + 4_000) }]);
    const next = given([...base, fact.chips([[0, 300]]), fact.orders(0, 1, { buyCars: 500 }), ...events])
      .when({ type: 'EndPlanning', data: { quarter: 2 } })
      .events();
    expect(only(next, 'CarsDelivered')).toEqual([{ seat: 0, cars: 300 }]);
  });

  it('when chips run short, cars and robots share them in proportion to what each asked for', () => {
    // 900 chips for 1,000 cars and 500 robots (the line makes up to 5,000, the actuators allow 500):
    // cars get ⌊900 × 1,000 / 1,500⌋ = 600, robots the 300 left.
    const history = [
      fact.chips([[0, 900]]),
      ...fact.plants(0, 'robotLine', 1),
      ...fact.plants(0, 'actuatorPlant', 1),
      fact.orders(0, 1, { buyCars: 1000, produceRobots: 500 }),
    ];
    const events = resolve(...history);
    expect(only(events, 'CarsOrdered')).toMatchObject([{ seat: 0, cars: 600, requested: 1000 }]);
    expect(only(events, 'RobotsProduced')).toMatchObject([{ seat: 0, robots: 300, requested: 500 }]);
    // With chips enough for both, each gets what it asked for.
    const plenty = resolve(fact.chips([[0, 2000]]), ...history.slice(1));
    expect(only(plenty, 'CarsOrdered')).toMatchObject([{ cars: 1000 }]);
    expect(only(plenty, 'RobotsProduced')).toMatchObject([{ robots: 500 }]);
  });

  it('permits go to eligible autonomy, highest first, slots limited, ties drawn by the generator', () => {
    const events = resolve(
      fact.autonomy(0, 80),
      fact.autonomy(1, 69),
      fact.orders(0, 1, { applyPermits: ['phoenix', 'san-francisco'] }),
      fact.orders(1, 1, { applyPermits: ['phoenix'] }),
    );
    expect(only(events, 'PermitsAwarded')).toEqual([
      { quarter: 1, cityId: 'phoenix', granted: [0], refused: [{ seat: 1, reason: 'autonomy' }] },
      { quarter: 1, cityId: 'san-francisco', granted: [], refused: [{ seat: 0, reason: 'autonomy' }] },
    ]);
  });

  it('with more eligible applicants than slots, the higher autonomy wins the last slot', () => {
    const history = (seed: string) => [
      ...historyOf(newTestMatch({ players: 4, seed })),
      fact.autonomy(0, 95),
      fact.autonomy(1, 91),
      fact.autonomy(2, 93),
      fact.autonomy(3, 93),
      ...[0, 1, 2, 3].map((s) => fact.orders(s, 1, { applyPermits: ['austin'] })),
    ];
    const award = (seed: string) => only(given(history(seed)).when(end).events(), 'PermitsAwarded')[0];
    // Seat 0 (95) first; seats 2 and 3 tie at 93 for the last slot and the seed draws the winner.
    expect(award('permits')).toEqual({
      quarter: 1,
      cityId: 'austin',
      granted: [0, 3],
      refused: [
        { seat: 1, reason: 'slots' },
        { seat: 2, reason: 'slots' },
      ],
    });
    expect(award('c')).toMatchObject({ granted: [0, 2], refused: [{ seat: 1, reason: 'slots' }, { seat: 3, reason: 'slots' }] });
  });

  it('rides: cars spread over permitted cities by demand; supervised cars cost $22K, unsupervised $6K', () => {
    const events = resolve(
      fact.chips([[0, 1000]]),
      ...fact.cars(0, 1000),
      fact.permit(0, 'austin'),
      fact.permit(0, 'phoenix'),
    );
    const rides = only(events, 'RidesServed')[0] as { cities: Array<{ cityId: string; operators: Array<{ cars: number; served: number; revenue: number }> }> };
    const byCity = Object.fromEntries(rides.cities.filter((c) => c.operators.length).map((c) => [c.cityId, c.operators[0]]));
    // 1,000 cars over Austin (24M) and Phoenix (28M): 462 and 538; each car 1,800 rides, all sold at $12.
    expect(byCity.austin).toMatchObject({ cars: 462, served: 462 * 1800, revenue: 462 * 1800 * 12 });
    expect(byCity.phoenix).toMatchObject({ cars: 538, served: 538 * 1800, revenue: 538 * 1800 * 12 });
    expect(only(events, 'OperatingCostsCharged')).toEqual([{ seat: 0, robotaxi: 1000 * 22_000, robots: 0, satellites: 0 }]);
    const unsupervised = resolve(fact.chips([[0, 10]]), ...fact.cars(0, 10), fact.autonomy(0, 90));
    expect(only(unsupervised, 'OperatingCostsCharged')).toEqual([{ seat: 0, robotaxi: 10 * 6_000, robots: 0, satellites: 0 }]);
  });
});

describe('robot line', () => {
  it('plants and lines come online two quarters after they are started', () => {
    const q1 = resolve(fact.orders(0, 1, { buildActuatorPlants: 1, buildRobotLines: 2 }));
    expect(only(q1, 'PlantsStarted')).toEqual([
      { seat: 0, kind: 'actuatorPlant', count: 1, cost: 800_000_000, readyQuarter: 3 },
      { seat: 0, kind: 'robotLine', count: 2, cost: 1_200_000_000, readyQuarter: 3 },
    ]);
    const m = newTestMatch({ players: 1, seed: 'plants' });
    const completions: unknown[] = [];
    for (let q = 1; q <= 3; q++) {
      m.exec({ type: 'SubmitOrders', data: { seat: 0, quarter: q, orders: q === 1 ? { buildActuatorPlants: 1 } : {} } }, { role: 'player', seat: 0 });
      const events = m.exec({ type: 'EndPlanning', data: { quarter: q } });
      completions.push(only(events, 'PlantsCompleted'));
    }
    expect(completions).toEqual([[], [], [{ seat: 0, kind: 'actuatorPlant', count: 1 }]]);
    expect(m.state.players[0]!.robots.plants).toBe(1);
  });

  it('makes the actuators production needs, then robots bounded by lines, actuators and chips', () => {
    const events = resolve(
      ...fact.plants(0, 'actuatorPlant', 1),
      ...fact.plants(0, 'robotLine', 1),
      fact.chips([[0, 2000]]),
      fact.orders(0, 1, { produceRobots: 7000, deployInternal: 500 }),
    );
    // 7,000 robots want 560,000 actuators but one plant makes 500,000: 6,250 robots' worth;
    // one line builds 5,000 and 2,000 chips cap it at 2,000.
    expect(sc.robots.plantCapacityPerQuarter).toBe(500_000);
    expect(only(events, 'ActuatorsProduced')).toEqual([{ seat: 0, qty: 500_000, unitCostUsd: 350, cost: 175_000_000 }]);
    expect(only(events, 'RobotsProduced')).toEqual([
      { seat: 0, robots: 2000, requested: 7000, actuators: 160_000, cost: 2000 * (12_000 + 4_000) },
    ]);
    expect(only(events, 'RobotsDeployed')).toEqual([{ seat: 0, robots: 500 }]);
  });
});

describe('satellite line', () => {
  it('launches carry 20 satellites for $120M; fleets decay 3% a quarter and cost $5M per 100', () => {
    const events = resolve(fact.satellites(0, 100), fact.orders(0, 1, { launches: 2 }));
    expect(only(events, 'SatellitesDecayed')).toEqual([{ seat: 0, before: 100, after: 97 }]);
    expect(only(events, 'SatellitesLaunched')).toEqual([{ seat: 0, launches: 2, failed: 0, satellites: 40, cost: 240_000_000 }]);
    expect(only(events, 'OperatingCostsCharged')).toEqual([{ seat: 0, robotaxi: 0, robots: 0, satellites: Math.round(1.37 * 5_000_000) }]);
  });

  it('subscribers come from licensed regions: coverage min(1, sats/400) × 0.7 for one band, 1.0 for both', () => {
    const events = resolve(
      fact.license(0, 'north-america-s'),
      fact.license(0, 'north-america-l'),
      fact.license(1, 'europe-l'),
      fact.satellites(0, 400 / 0.97),
      fact.satellites(1, 200 / 0.97),
      fact.adoption(0, 0.5),
      fact.adoption(1, 0.5),
    );
    const served = only(events, 'SubscribersServed')[0] as { regions: Array<{ regionId: string; providers: Array<{ seat: number; coverage: number; subscribers: number }> }> };
    const na = served.regions.find((r) => r.regionId === 'north-america')!.providers[0]!;
    const eu = served.regions.find((r) => r.regionId === 'europe')!.providers[0]!;
    // Alone in each region at $5 against the incumbents' roaming offer: share by price^−1.5.
    const w = (p: number) => p ** -1.5;
    const share = w(5) / (w(5) + w(sc.satellites.incumbentPriceUsd));
    expect(na.coverage).toBeCloseTo(1, 12);
    expect(na.subscribers).toBe(Math.floor(350e6 * 0.5 * na.coverage * share));
    expect(eu.coverage).toBeCloseTo(0.35, 12);
    expect(eu.subscribers).toBe(Math.floor(450e6 * 0.5 * eu.coverage * share));
  });
});
