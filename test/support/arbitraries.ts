import fc from 'fast-check';
import type { Actor } from '../../shared/domain/ids';
import { DEFAULT_SCENARIO } from '../../shared/scenario/loadScenario';

// Generators for property tests: mostly plausible orders, with a share of hostile values.

const hostileNumber = fc.constantFrom(NaN, Infinity, -Infinity, -1, 1e308, 0.5, -0, 2 ** 53 + 2);
const budget = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 4000 }) }, { weight: 1, arbitrary: hostileNumber });
const count = (max: number) =>
  fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max }) }, { weight: 1, arbitrary: hostileNumber });
/** Dollars with cents, as a player types them ($13.94). */
const cents = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((c) => c / 100);
const price = (min: number, max: number) =>
  fc.oneof({ weight: 6, arbitrary: cents(min, max) }, { weight: 1, arbitrary: hostileNumber });

const cityId = fc.constantFrom(...DEFAULT_SCENARIO.robotaxi.cities.map((c) => c.id), 'atlantis');
const licenseId = fc.constantFrom(...DEFAULT_SCENARIO.satellites.licenses.map((l) => l.id), 'moon-l');

const hostileOrdersArb = fc.record(
  {
    chipRnD: budget,
    aiTraining: budget,
    foundryBid: fc.record({ chips: count(80_000), maxPriceUsd: price(700, 2100) }),
    buyCars: count(20_000),
    fsdRnD: budget,
    applyPermits: fc.array(cityId, { maxLength: 3 }),
    ridePriceUsd: price(1, 40),
    buildActuatorPlants: count(5),
    buildRobotLines: count(7),
    robotRnD: budget,
    produceRobots: count(10_000),
    robotPriceUsd: price(10_000, 90_000),
    deployInternal: count(10_000),
    actuatorSell: fc.record({ qty: count(500_000), priceUsd: price(100, 900) }),
    actuatorBuy: fc.record({ qty: count(500_000), priceUsd: price(100, 900) }),
    launches: count(5),
    phonePartnerships: budget,
    spectrumBids: fc.dictionary(licenseId, fc.integer({ min: 0, max: 15_000 }), { maxKeys: 3 }),
    subscriptionPriceUsd: price(1, 20),
  },
  { requiredKeys: [] },
);

/** Sheets a sensible player might send: small budgets, in-range prices, no hostile values. */
const plausibleOrdersArb = fc.record(
  {
    chipRnD: fc.integer({ min: 0, max: 1500 }),
    aiTraining: fc.integer({ min: 0, max: 1500 }),
    foundryBid: fc.record({ chips: fc.integer({ min: 0, max: 40_000 }), maxPriceUsd: cents(800, 2000) }),
    buyCars: fc.integer({ min: 0, max: 5_000 }),
    fsdRnD: fc.integer({ min: 0, max: 1000 }),
    applyPermits: fc.array(fc.constantFrom(...DEFAULT_SCENARIO.robotaxi.cities.map((c) => c.id)), { maxLength: 2 }),
    ridePriceUsd: cents(5, 25),
    buildActuatorPlants: fc.integer({ min: 0, max: 1 }),
    buildRobotLines: fc.integer({ min: 0, max: 1 }),
    robotRnD: fc.integer({ min: 0, max: 1000 }),
    produceRobots: fc.integer({ min: 0, max: 2_000 }),
    deployInternal: fc.integer({ min: 0, max: 2_000 }),
    launches: fc.integer({ min: 0, max: 4 }),
    phonePartnerships: fc.integer({ min: 0, max: 500 }),
    subscriptionPriceUsd: cents(2, 10),
  },
  { requiredKeys: [] },
);

export const ordersArb = fc.oneof(
  { weight: 3, arbitrary: plausibleOrdersArb },
  { weight: 1, arbitrary: hostileOrdersArb },
);

/** `owner` stands for "the player of the command's own seat", resolved when the step is played. */
export type ActorHint = Actor | { role: 'owner' };

export const actorArb: fc.Arbitrary<ActorHint> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ role: 'owner' } as ActorHint) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 3 }).map((seat) => ({ role: 'player', seat }) as ActorHint) },
  { weight: 2, arbitrary: fc.constant({ role: 'system' } as ActorHint) },
  { weight: 1, arbitrary: fc.constant({ role: 'facilitator' } as ActorHint) },
);

const seatArb = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 1, arbitrary: hostileNumber });

/** A command for a match in progress: right or wrong seat, quarter, phase and shape. */
export const commandArb = (quarterHint: fc.Arbitrary<number> = fc.integer({ min: 0, max: 22 })) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.record({ type: fc.constant('SubmitOrders'), data: fc.record({ seat: seatArb, quarter: quarterHint, orders: ordersArb }) }) },
    { weight: 4, arbitrary: fc.record({ type: fc.constant('LockOrders'), data: fc.record({ seat: seatArb, quarter: quarterHint }) }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('UnlockOrders'), data: fc.record({ seat: seatArb, quarter: quarterHint }) }) },
    { weight: 6, arbitrary: fc.record({ type: fc.constant('EndPlanning'), data: fc.record({ quarter: quarterHint }) }) },
    { weight: 1, arbitrary: fc.constantFrom({ type: 'PauseMatch', data: {} }, { type: 'ResumeMatch', data: {} }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('ClaimSeat'), data: fc.record({ name: fc.string() }) }) },
    { weight: 1, arbitrary: fc.constant({ type: 'StartMatch', data: {} }) },
    { weight: 1, arbitrary: fc.anything() },
  );
