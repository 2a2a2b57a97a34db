import type { Orders } from '../../../shared/domain/orders';
import { actuatorsPerRobot } from '../../../shared/rules/lines/robots';
import type { Scenario } from '../../../shared/scenario/types';

/** The five sliders of the simple orders panel, in $M for this quarter. */
export interface Budgets {
  chips: number;
  ai: number;
  robotaxi: number;
  robots: number;
  satellites: number;
}

/** What the simple panel needs to know about the player's position. */
export interface Position {
  chips: number;
  robotLines: number;
  robotLinesBuilding: number;
  plants: number;
  plantsBuilding: number;
  /** Actuators in stock (plants online add their quarter's output). */
  actuators: number;
  robotsDeployed: number;
  lastChipPriceUsd: number | null;
  /** Whether last quarter's bids asked for every chip the foundry made (chips are contested). */
  foundrySoldOut: boolean;
  quarter: number;
  computeCostUsd: number;
  /** City permits already held, and spectrum licenses already held. */
  permitsHeld: number;
  licensesHeld: number;
}

/** Decisions that cannot be a slider: which cities, which licenses at what bid. */
export interface Choices {
  permits: string[];
  spectrumBids: Record<string, number>;
  prices: Pick<Orders, 'ridePriceUsd' | 'robotPriceUsd' | 'subscriptionPriceUsd'>;
}

const DEPLOY_TARGET = 5000;
const M = 1_000_000;
/** $M with dollar precision (the engine rounds budgets to the dollar). */
const toM = (usd: number) => Math.round(usd) / M;

/** The part of a chip bid the Robotaxi slider pays: cars' share of the chips (the rest is Robots'). */
const taxiChipShare = (chipsUsd: number, cars: number, robots: number) => (cars + robots > 0 ? Math.round((chipsUsd * cars) / (cars + robots)) : chipsUsd);

/**
 * The price the simple panel bids for a chip: the foundry's list price when last quarter sold out
 * (the winners pay the clearing price, so bidding high only keeps the chips from going elsewhere),
 * else 1.2 × last quarter's clearing price; at least the reserve, at most the list price.
 */
function simpleChipPrice(pos: Pick<Position, 'lastChipPriceUsd' | 'foundrySoldOut'>, sc: Scenario): number {
  const ceiling = sc.foundry.ceilingUsd ?? Infinity;
  if (pos.foundrySoldOut && Number.isFinite(ceiling)) return ceiling;
  return Math.min(ceiling, Math.max(sc.foundry.reserveUsd, Math.round((pos.lastChipPriceUsd ?? sc.foundry.reserveUsd) * 1.2)));
}

/**
 * The documented rule that turns five budgets into a full sheet. Every dollar of a slider is
 * placed, so the sheet commits exactly the sum of the sliders (spectrum bids come on top, shown
 * apart); running costs (actuators made, robot upkeep, satellite operations) are charged at the
 * quarter's end and appear in the report.
 * - Chips and AI: the whole slider goes to chip R&D and AI training.
 * - Robotaxi: once a city permit is held or applied for, 60% buys cars (car, compute and a chip at
 *   the panel's chip price); the rest, and all of it before a permit, goes to FSD R&D.
 * - Robots: first the factory: an actuator plant until one is built or building, then a robot line
 *   until one is. Once a line is online, up to 80% of what is left builds robots (parts, compute, a
 *   chip; actuators come from the plants), as many as the lines and the actuators allow; they are
 *   deployed in-house until 5,000 work there and sold (at the scenario's price unless the player
 *   set one) after that. Producing all it can with at least 1.5 times a plant's (or a line's) price
 *   left, it builds one more plant when actuators hold production back, else one more line. The
 *   rest goes to robot R&D.
 * - Satellites: once a license is held or bid for, 60% buys launches ($120M each, at most 4); the
 *   rest, and all of it before, goes to phone partnerships.
 * - Chips: what cars and robots need beyond the chips in stock is bid for at the panel's chip price
 *   (the list price after a sold-out quarter, else 1.2 × last quarter's price),
 *   paid from the two lines' sliders in proportion to what each builds.
 * Cities, license bids and prices come from the player's own choices.
 */
export function simpleSheet(b: Budgets, pos: Position, choices: Choices, sc: Scenario): Orders {
  const o: Orders = { ...choices.prices };
  if (b.chips > 0) o.chipRnD = b.chips;
  if (b.ai > 0) o.aiTraining = b.ai;
  const chipPrice = simpleChipPrice(pos, sc);

  // Robotaxi: cars once they can drive somewhere.
  const canDrive = pos.permitsHeld > 0 || choices.permits.length > 0;
  const carUsd = sc.robotaxi.carPriceUsd + pos.computeCostUsd;
  const cars = canDrive && b.robotaxi > 0 ? Math.floor((b.robotaxi * 0.6 * M) / (carUsd + chipPrice)) : 0;
  let taxiLeft = b.robotaxi * M - cars * carUsd;

  // Robots: plant, line, then robots.
  const r = sc.robots;
  let robotsLeft = b.robots * M;
  if (b.robots > 0 && pos.plants + pos.plantsBuilding === 0 && robotsLeft >= r.plantCostM * M) {
    o.buildActuatorPlants = 1;
    robotsLeft -= r.plantCostM * M;
  }
  if (b.robots > 0 && pos.robotLines + pos.robotLinesBuilding === 0 && robotsLeft >= r.lineCostM * M) {
    o.buildRobotLines = 1;
    robotsLeft -= r.lineCostM * M;
  }
  const robotUsd = r.otherPartsUsd + pos.computeCostUsd;
  // Robots are the line's income: once a line is online they come first, up to what the lines and
  // the actuators (in stock and this quarter's plant output) allow.
  const lineCap = pos.robotLines * r.lineCapacityPerQuarter;
  const actuatorCap = Math.floor((pos.actuators + pos.plants * r.plantCapacityPerQuarter) / actuatorsPerRobot(sc));
  const robots = lineCap > 0 && b.robots > 0 ? Math.max(0, Math.min(lineCap, actuatorCap, Math.floor((robotsLeft * 0.8) / (robotUsd + chipPrice)))) : 0;
  robotsLeft -= robots * robotUsd;
  // Running at what the factory allows, with money to spare (1.5 times the price): a plant when
  // the actuators are what holds production back, else another line.
  const spare = robotsLeft - robots * chipPrice;
  const building = pos.robotLinesBuilding + pos.plantsBuilding + (o.buildActuatorPlants ?? 0) + (o.buildRobotLines ?? 0);
  if (robots > 0 && robots === Math.min(lineCap, actuatorCap) && building === 0) {
    if (actuatorCap <= lineCap && spare >= r.plantCostM * M * 1.5) {
      o.buildActuatorPlants = 1;
      robotsLeft -= r.plantCostM * M;
    } else if (actuatorCap > lineCap && spare >= r.lineCostM * M * 1.5) {
      o.buildRobotLines = 1;
      robotsLeft -= r.lineCostM * M;
    }
  }
  if (cars > 0) o.buyCars = cars;
  if (robots > 0) {
    o.produceRobots = robots;
    const deploy = Math.min(robots, Math.max(0, DEPLOY_TARGET - pos.robotsDeployed));
    if (deploy > 0) o.deployInternal = deploy;
    if (deploy < robots && o.robotPriceUsd === undefined) o.robotPriceUsd = r.defaultPriceUsd;
  }

  // Chips beyond the stock, paid by the lines that use them.
  const toBuy = Math.max(0, cars + robots - pos.chips);
  if (toBuy > 0) {
    o.foundryBid = { chips: toBuy, maxPriceUsd: chipPrice };
    const taxiShare = taxiChipShare(toBuy * chipPrice, cars, robots);
    taxiLeft -= taxiShare;
    robotsLeft -= toBuy * chipPrice - taxiShare;
  }
  if (taxiLeft > 0) o.fsdRnD = toM(taxiLeft);
  if (robotsLeft > 0) o.robotRnD = toM(robotsLeft);

  // Satellites: launches once there is spectrum to use, partnerships with the rest.
  const canBroadcast = pos.licensesHeld > 0 || Object.values(choices.spectrumBids).some((v) => v > 0);
  const launches = canBroadcast ? Math.min(sc.satellites.maxLaunchesPerQuarter, Math.floor((b.satellites * 0.6) / sc.satellites.launchCostM)) : 0;
  if (launches > 0) o.launches = launches;
  const partnerships = b.satellites - launches * sc.satellites.launchCostM;
  if (partnerships > 0) o.phonePartnerships = toM(partnerships * M);

  if (choices.permits.length > 0) o.applyPermits = [...choices.permits];
  const bids = Object.fromEntries(Object.entries(choices.spectrumBids).filter(([, v]) => v > 0));
  if (Object.keys(bids).length > 0) o.spectrumBids = bids;
  return o;
}

/**
 * The sliders a sheet amounts to (the rule above run backwards): what it spends on each line, its
 * foundry bid shared by cars and robots as the rule shares it, in $M. A sheet the sliders made
 * gives the same sliders back; an advanced sheet gives the budgets it spends.
 */
export function budgetsOf(o: Orders, pos: Pick<Position, 'computeCostUsd'>, sc: Scenario): Budgets {
  const cars = o.buyCars ?? 0;
  const robots = o.produceRobots ?? 0;
  const chipsUsd = o.foundryBid ? o.foundryBid.chips * o.foundryBid.maxPriceUsd : 0;
  const taxiChips = taxiChipShare(chipsUsd, cars, robots);
  const r = sc.robots;
  const robotaxi = (o.fsdRnD ?? 0) * M + cars * (sc.robotaxi.carPriceUsd + pos.computeCostUsd) + taxiChips;
  const robotsUsd =
    (o.robotRnD ?? 0) * M +
    (o.buildActuatorPlants ?? 0) * r.plantCostM * M +
    (o.buildRobotLines ?? 0) * r.lineCostM * M +
    robots * (r.otherPartsUsd + pos.computeCostUsd) +
    (chipsUsd - taxiChips) +
    (o.actuatorBuy ? o.actuatorBuy.qty * o.actuatorBuy.priceUsd : 0);
  const satellites = (o.launches ?? 0) * sc.satellites.launchCostM * M + (o.phonePartnerships ?? 0) * M;
  return { chips: o.chipRnD ?? 0, ai: o.aiTraining ?? 0, robotaxi: toM(robotaxi), robots: toM(robotsUsd), satellites: toM(satellites) };
}
