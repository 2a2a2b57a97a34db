import type { Orders } from '../../../shared/domain/orders';
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
  robotsDeployed: number;
  lastChipPriceUsd: number | null;
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

/**
 * The documented rule that turns five budgets into a full sheet:
 * - Chips and AI: the whole slider goes to chip R&D and AI training.
 * - Robotaxi: 40% to FSD R&D; 60% buys cars (car + compute + a chip bought at 1.2× last
 *   quarter's foundry price), with a foundry bid for the chips the cars need — but only once a
 *   city permit is held or applied for (idle cars only cost money); until then all to R&D.
 * - Robots: 40% to robot R&D; without a robot line, the rest starts one line and the plant that
 *   feeds it; with lines online, it builds robots (parts, compute, 80 actuators at $350) and
 *   deploys them in-house until 5,000 work there.
 * - Satellites: 60% to launches ($120M each, at most 4), 40% to phone partnerships — once a
 *   license is held or bid for; until then nothing is spent there.
 * Cities, license bids and prices come from the player's own choices.
 */
export function simpleSheet(b: Budgets, pos: Position, choices: Choices, sc: Scenario): Orders {
  const o: Orders = { ...choices.prices };
  const M = 1_000_000;
  if (b.chips > 0) o.chipRnD = Math.floor(b.chips);
  if (b.ai > 0) o.aiTraining = Math.floor(b.ai);

  const chipPrice = Math.max(sc.foundry.reserveUsd, Math.round((pos.lastChipPriceUsd ?? sc.foundry.reserveUsd) * 1.2));
  let chipsNeeded = 0;
  const canDrive = pos.permitsHeld > 0 || choices.permits.length > 0;
  if (b.robotaxi > 0 && !canDrive) o.fsdRnD = Math.floor(b.robotaxi);
  if (b.robotaxi > 0 && canDrive) {
    o.fsdRnD = Math.floor(b.robotaxi * 0.4);
    const carUnit = sc.robotaxi.carPriceUsd + pos.computeCostUsd + chipPrice;
    const cars = Math.floor((b.robotaxi * 0.6 * M) / carUnit);
    if (cars > 0) {
      o.buyCars = cars;
      chipsNeeded += cars;
    }
  }
  if (b.robots > 0) {
    o.robotRnD = Math.floor(b.robots * 0.4);
    const rest = b.robots * 0.6;
    const r = sc.robots;
    if (pos.robotLines + pos.robotLinesBuilding === 0) {
      if (rest >= r.lineCostM + r.plantCostM) {
        o.buildRobotLines = 1;
        if (pos.plants + pos.plantsBuilding === 0) o.buildActuatorPlants = 1;
      }
    } else if (pos.robotLines > 0) {
      const actuators = r.hands * r.handActuators + r.bodyActuators;
      const robotUnit = r.otherPartsUsd + pos.computeCostUsd + chipPrice + actuators * r.actuatorUnitCostUsd;
      const robots = Math.min(pos.robotLines * r.lineCapacityPerQuarter, Math.floor((rest * M) / robotUnit));
      if (robots > 0) {
        o.produceRobots = robots;
        chipsNeeded += robots;
        const deploy = Math.min(robots, Math.max(0, DEPLOY_TARGET - pos.robotsDeployed));
        if (deploy > 0) o.deployInternal = deploy;
      }
    }
  }
  const canBroadcast = pos.licensesHeld > 0 || Object.values(choices.spectrumBids).some((v) => v > 0);
  if (b.satellites > 0 && canBroadcast) {
    const launches = Math.min(sc.satellites.maxLaunchesPerQuarter, Math.floor((b.satellites * 0.6) / sc.satellites.launchCostM));
    if (launches > 0) o.launches = launches;
    o.phonePartnerships = Math.floor(b.satellites * 0.4);
  }
  const toBuy = chipsNeeded - pos.chips;
  if (toBuy > 0) o.foundryBid = { chips: toBuy, maxPriceUsd: chipPrice };
  if (choices.permits.length > 0) o.applyPermits = [...choices.permits];
  const bids = Object.fromEntries(Object.entries(choices.spectrumBids).filter(([, v]) => v > 0));
  if (Object.keys(bids).length > 0) o.spectrumBids = bids;
  return o;
}
