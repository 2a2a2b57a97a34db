import { describe, expect, it } from 'vitest';
import { budgetsOf, simpleSheet, type Budgets, type Position } from '../../client/src/orders/simpleSheet';
import { DEFAULT_SCENARIO as sc } from '../../shared/scenario/loadScenario';
import { committedSpendFor, validateOrders } from '../../shared/rules/ordersRules';
import { initialState } from '../../shared/rules/initialState';
import { Rng, seedPrng } from '../../shared/random/prng';
import { botCommands } from '../../shared/bots/botTurn';
import { LocalMatch } from '../../shared/sim/LocalMatch';
import { viewFor } from '../../shared/views/viewFor';

const start: Position = { chips: 0, robotLines: 0, robotLinesBuilding: 0, plants: 0, plantsBuilding: 0, actuators: 0, robotsDeployed: 0, lastChipPriceUsd: null, foundrySoldOut: false, quarter: 1, computeCostUsd: 4000, permitsHeld: 0, licensesHeld: 0 };
const noChoices = { permits: [], spectrumBids: {}, prices: {} };
const sum = (b: Budgets) => (b.chips + b.ai + b.robotaxi + b.robots + b.satellites) * 1e6;

describe('the simple orders panel', () => {
  it('turns five budgets into a full sheet by the documented rule', () => {
    const sheet = simpleSheet({ chips: 500, ai: 1000, robotaxi: 1000, robots: 2500, satellites: 800 }, start, { ...noChoices, permits: ['phoenix'], spectrumBids: { 'north-america-s': 1800, 'europe-l': 0 } }, sc);
    // Cars: 600M / (35,000 + 4,000 + a chip at 1.2 × $800) = 15,015 cars at $39,000, and their
    // chips bid for at $960 (from the Robotaxi slider); FSD R&D gets the rest of it.
    // Robots: a plant ($800M) and a line ($600M); robot R&D gets the other $1,100M.
    // Satellites: a bid makes launches worth it: 4 × $120M, partnerships $320M.
    expect(sheet).toEqual({
      chipRnD: 500,
      aiTraining: 1000,
      fsdRnD: 400.0006,
      buyCars: 15_015,
      robotRnD: 1100,
      buildRobotLines: 1,
      buildActuatorPlants: 1,
      launches: 4,
      phonePartnerships: 320,
      foundryBid: { chips: 15_015, maxPriceUsd: 960 },
      applyPermits: ['phoenix'],
      spectrumBids: { 'north-america-s': 1800 },
    });
    // Committed: exactly the five sliders, and the license bid on top.
    expect(committedSpendFor(sc, 0, sheet)).toBe(5800 * 1e6 + 1800 * 1e6);
  });

  it('a Robots-only player builds the plant, then the line, then robots it deploys and then sells', () => {
    const robotsOnly = { chips: 0, ai: 0, robotaxi: 0, robots: 1000, satellites: 0 };
    // Quarter 1: $1.0B buys the plant ($800M), not yet a line; the rest is R&D.
    expect(simpleSheet(robotsOnly, start, noChoices, sc)).toEqual({ buildActuatorPlants: 1, robotRnD: 200 });
    // Quarter 2: the plant is building, so the line ($600M).
    expect(simpleSheet(robotsOnly, { ...start, plantsBuilding: 1 }, noChoices, sc)).toEqual({ buildRobotLines: 1, robotRnD: 400 });
    // Once the line is online: robots, deployed in-house first.
    const online = { ...start, robotLines: 1, plants: 1, chips: 1000, lastChipPriceUsd: 1000, robotsDeployed: 4000 };
    const sheet = simpleSheet(robotsOnly, online, noChoices, sc);
    // 80% of $1.0B / (12,000 + 4,000 + 1,200) = 46,511, capped at the line's 5,000 (the plant's
    // actuators would make 6,250): the line is what holds production back, and with $915M left
    // (over 1.5 × $600M) a second line is built. R&D gets the rest.
    expect(sheet).toMatchObject({ produceRobots: 5000, deployInternal: 1000, robotPriceUsd: 58_000, buildRobotLines: 1, foundryBid: { chips: 4000, maxPriceUsd: 1200 } });
    expect(sheet.robotRnD).toBe(315.2);
    expect(() => validateOrders({ ...initialState(), quarter: 1 }, sheet)).not.toThrow();
    expect(committedSpendFor(sc, 0, sheet)).toBe(1000 * 1e6);
    // A price the player chose is kept.
    expect(simpleSheet(robotsOnly, online, { ...noChoices, prices: { robotPriceUsd: 40_000 } }, sc).robotPriceUsd).toBe(40_000);
  });

  it('puts money into research and partnerships, not idle cars or satellites, before a permit or a license', () => {
    const sheet = simpleSheet({ chips: 0, ai: 0, robotaxi: 1000, robots: 0, satellites: 800 }, start, noChoices, sc);
    expect(sheet).toEqual({ fsdRnD: 1000, phonePartnerships: 800 });
    const licensed = simpleSheet({ chips: 0, ai: 0, robotaxi: 0, robots: 0, satellites: 800 }, { ...start, licensesHeld: 1 }, noChoices, sc);
    expect(licensed).toEqual({ launches: 4, phonePartnerships: 320 });
  });

  it('spends nothing for zero budgets and keeps the chosen prices', () => {
    expect(simpleSheet({ chips: 0, ai: 0, robotaxi: 0, robots: 0, satellites: 0 }, start, { ...noChoices, prices: { ridePriceUsd: 11 } }, sc)).toEqual({ ridePriceUsd: 11 });
  });

  it('always commits exactly the sum of the sliders, and the sheet gives the same sliders back (random positions)', () => {
    const rng = new Rng(seedPrng('simple-sheet'));
    const budget = () => rng.int(121) * 50;
    for (let i = 0; i < 500; i++) {
      const b: Budgets = { chips: budget(), ai: budget(), robotaxi: budget(), robots: budget(), satellites: budget() };
      const generation = rng.int(sc.chips.generations.length);
      const pos: Position = {
        ...start,
        chips: rng.int(20_000),
        robotLines: rng.int(3),
        robotLinesBuilding: rng.int(2),
        plants: rng.int(2),
        plantsBuilding: rng.int(2),
        actuators: rng.int(1_000_000),
        robotsDeployed: rng.int(8000),
        lastChipPriceUsd: rng.chance(0.5) ? null : 800 + rng.int(3000),
        computeCostUsd: sc.chips.generations[generation]!.computeCostUsd,
        permitsHeld: rng.int(3),
        licensesHeld: rng.int(2),
      };
      const sheet = simpleSheet(b, pos, { permits: rng.chance(0.3) ? ['austin'] : [], spectrumBids: {}, prices: {} }, sc);
      expect(committedSpendFor(sc, generation, sheet), JSON.stringify({ b, pos })).toBe(sum(b));
      expect(budgetsOf(sheet, pos, sc)).toEqual(b);
      expect(() => validateOrders({ ...initialState(), quarter: 1 }, sheet)).not.toThrow();
    }
  });

  it('an advanced sheet gives the sliders of what it spends on each line', () => {
    const b = budgetsOf({ chipRnD: 100, fsdRnD: 50, buyCars: 1000, robotRnD: 10, buildRobotLines: 1, launches: 2, phonePartnerships: 15, foundryBid: { chips: 1000, maxPriceUsd: 1000 } }, start, sc);
    expect(b).toEqual({ chips: 100, ai: 0, robotaxi: 50 + 39 + 1, robots: 10 + 600, satellites: 240 + 15 });
  });
});

describe('a Robots-only player with the simple panel alone', () => {
  it('builds the factory and closes the robot loop against three bots', () => {
    // A long match (three loops to win): two-line bots end a default match around quarter 13,
    // before a player who builds one line alone; here they cannot, so the player's loop is seen.
    const m = new LocalMatch('robots-only');
    m.exec({ type: 'CreateMatch', data: { matchId: 'robots-only', seed: 's1', seats: 4, winLoops: 3, planningSeconds: 0 } });
    m.exec({ type: 'ClaimSeat', data: { seat: 0, name: 'Ada' } });
    m.exec({ type: 'StartMatch', data: {} });
    const ada = { role: 'player', seat: 0 } as const;
    const built = (builds: Array<{ count: number }>) => builds.reduce((n, b) => n + b.count, 0);
    // The player's plan: research and build until the milestone (dexterity 80, 5,000 robots at
    // work), then only the Robots slider, low ($450M), so the line's income can cover it.
    let closed: number | null = null;
    while (m.state.status === 'planning' && closed === null) {
      const q = m.state.quarter;
      const p = m.state.players[0]!;
      const grown = p.tech.dexterity >= sc.robots.milestone.dexterity && p.robots.deployed >= sc.robots.milestone.deployed;
      const b: Budgets = grown ? { chips: 0, ai: 0, robotaxi: 0, robots: 450, satellites: 0 } : { chips: 200, ai: 800, robotaxi: 0, robots: 1500, satellites: 0 };
      const pos: Position = {
        chips: p.chips,
        robotLines: p.robots.lines,
        robotLinesBuilding: built(p.robots.linesBuilding),
        plants: p.robots.plants,
        plantsBuilding: built(p.robots.plantsBuilding),
        actuators: p.robots.actuators,
        robotsDeployed: p.robots.deployed,
        lastChipPriceUsd: m.state.foundry?.clearingPriceUsd ?? null,
        foundrySoldOut: m.state.foundry !== null && m.state.foundry.sold >= m.state.foundry.supply,
        quarter: q,
        computeCostUsd: sc.chips.generations[p.tech.chipGeneration]!.computeCostUsd,
        permitsHeld: 0,
        licensesHeld: 0,
      };
      m.exec({ type: 'SubmitOrders', data: { seat: 0, quarter: q, orders: simpleSheet(b, pos, noChoices, sc) } }, ada);
      m.exec({ type: 'LockOrders', data: { seat: 0, quarter: q } }, ada);
      for (let seat = 1; seat < 4; seat++) for (const c of botCommands(viewFor(m.state, { role: 'player', seat }), m.state.seats[seat]!.bot!, `bots|${q}|${seat}`)) m.exec(c, { role: 'player', seat });
      if (m.state.quarter === q && m.state.status === 'planning') m.exec({ type: 'EndPlanning', data: { quarter: q } });
      closed = m.state.players[0]!.loops.robots.closedQuarter;
    }
    expect(m.state.players[0]!.robots.plants).toBeGreaterThanOrEqual(2);
    expect(m.state.players[0]!.robots.lines).toBeGreaterThanOrEqual(2);
    expect(closed).toBe(15);
  });
});
