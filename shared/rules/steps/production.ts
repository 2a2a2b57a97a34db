import type { PlayerState } from '../../domain/state';
import type { Scenario } from '../../scenario/types';
import { shockFactor, shocksInForce } from '../effects';
import { actuatorLearningCost, actuatorsPerRobot, deploymentCut } from '../lines/robots';
import { networkSynergy } from '../lines/satellites';
import { usdFromM } from '../money';
import type { StepContext } from './context';

function computeCost(p: PlayerState, sc: Scenario): number {
  return sc.chips.generations[p.tech.chipGeneration]!.computeCostUsd;
}

/**
 * The chips this quarter's new cars may take. When the stock cannot cover both the cars ordered
 * and the robots the lines can make, cars and robots share it in proportion to what each asked
 * for (cars rounded down); robots take what the cars leave.
 */
export function chipsForCars(p: PlayerState, sc: Scenario): number {
  const cars = p.orders.buyCars ?? 0;
  const robots = Math.min(p.orders.produceRobots ?? 0, p.robots.lines * sc.robots.lineCapacityPerQuarter);
  if (cars + robots <= p.chips) return cars;
  return Math.floor((p.chips * cars) / (cars + robots));
}

/** Deliveries and builds that came due, new purchases and builds, actuators, robots, launches. */
export function productionStep(ctx: StepContext): void {
  for (const p of ctx.state.players) {
    robotaxiProduction(ctx, p);
    robotProduction(ctx, p);
    satelliteProduction(ctx, p);
  }
}

/** Last quarter's cars arrive; new cars take one chip each and arrive next quarter. */
function robotaxiProduction({ state, emit }: StepContext, p: PlayerState): void {
  const sc = state.scenario;
  if (p.robotaxi.carsOnOrder > 0) emit({ type: 'CarsDelivered', data: { seat: p.seat, cars: p.robotaxi.carsOnOrder } });
  const requested = p.orders.buyCars ?? 0;
  if (requested <= 0) return;
  const cars = Math.min(requested, chipsForCars(p, sc));
  const cut = deploymentCut(p.robots.deployed, networkSynergy(p, sc), sc);
  const unit = sc.robotaxi.carPriceUsd * (1 - cut) + computeCost(p, sc);
  emit({ type: 'CarsOrdered', data: { seat: p.seat, cars, requested, cost: Math.round(cars * unit) } });
}

function robotProduction({ state, quarter, emit }: StepContext, p: PlayerState): void {
  const sc = state.scenario;
  const r = sc.robots;
  const seat = p.seat;
  for (const kind of ['actuatorPlant', 'robotLine'] as const) {
    const building = kind === 'actuatorPlant' ? p.robots.plantsBuilding : p.robots.linesBuilding;
    const due = building.filter((b) => b.readyQuarter <= quarter).reduce((n, b) => n + b.count, 0);
    if (due > 0) emit({ type: 'PlantsCompleted', data: { seat, kind, count: due } });
  }
  const plants = p.orders.buildActuatorPlants ?? 0;
  if (plants > 0)
    emit({
      type: 'PlantsStarted',
      data: { seat, kind: 'actuatorPlant', count: plants, cost: plants * usdFromM(r.plantCostM), readyQuarter: quarter + r.plantBuildQuarters },
    });
  const lines = p.orders.buildRobotLines ?? 0;
  if (lines > 0)
    emit({
      type: 'PlantsStarted',
      data: { seat, kind: 'robotLine', count: lines, cost: lines * usdFromM(r.lineCostM), readyQuarter: quarter + r.lineBuildQuarters },
    });

  // Actuators: make what this quarter's robots and sell order need beyond stock, up to capacity.
  const perRobot = actuatorsPerRobot(sc);
  const wantedRobots = p.orders.produceRobots ?? 0;
  const need = wantedRobots * perRobot + (p.orders.actuatorSell?.qty ?? 0) - p.robots.actuators;
  const make = Math.max(0, Math.min(need, p.robots.plants * r.plantCapacityPerQuarter));
  if (make > 0) {
    const cut = deploymentCut(p.robots.deployed, networkSynergy(p, sc), sc);
    const unitCostUsd = actuatorLearningCost(p.robots.actuatorsMadeTotal, sc) * shockFactor(state, 'actuatorCost', quarter) * (1 - cut);
    emit({ type: 'ActuatorsProduced', data: { seat, qty: make, unitCostUsd, cost: Math.round(make * unitCostUsd) } });
  }

  if (wantedRobots > 0) {
    const robots = Math.min(wantedRobots, p.robots.lines * r.lineCapacityPerQuarter, Math.floor(p.robots.actuators / perRobot), p.chips);
    emit({
      type: 'RobotsProduced',
      data: {
        seat,
        robots,
        requested: wantedRobots,
        actuators: robots * perRobot,
        cost: robots * (r.otherPartsUsd + computeCost(p, sc)),
      },
    });
  }
  const deploy = Math.min(p.orders.deployInternal ?? 0, p.robots.inventory);
  if (deploy > 0) emit({ type: 'RobotsDeployed', data: { seat, robots: deploy } });
}

function satelliteProduction({ state, quarter, emit }: StepContext, p: PlayerState): void {
  const s = state.scenario.satellites;
  const before = p.satellites.satellites;
  if (before > 0) emit({ type: 'SatellitesDecayed', data: { seat: p.seat, before, after: before * (1 - s.decayPerQuarter) } });
  const launches = p.orders.launches ?? 0;
  if (launches <= 0) return;
  const lost = shocksInForce(state, 'launchFailure', quarter).reduce((n, shock) => n + shock.effect.launchesLost, 0);
  const failed = Math.min(launches, lost);
  emit({
    type: 'SatellitesLaunched',
    data: {
      seat: p.seat,
      launches,
      failed,
      satellites: (launches - failed) * s.satellitesPerLaunch,
      cost: launches * usdFromM(s.launchCostM),
    },
  });
}
