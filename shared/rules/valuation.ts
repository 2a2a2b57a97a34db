import type { PlayerState } from '../domain/state';
import type { Scenario } from '../scenario/types';
import { LINES } from '../scenario/types';
import { actuatorsPerRobot } from './lines/robots';
import { usdFromM } from './money';

/** What the assets cost to put in place: cars, robots, plants and lines, satellites, licenses, chips. */
export function bookValue(p: PlayerState, sc: Scenario): number {
  const r = sc.robots;
  const carUnit = sc.robotaxi.carPriceUsd;
  const robotUnit = r.otherPartsUsd + actuatorsPerRobot(sc) * r.actuatorUnitCostUsd;
  const building = (builds: PlayerState['robots']['plantsBuilding']) => builds.reduce((n, b) => n + b.count, 0);
  const satUnit = usdFromM(sc.satellites.launchCostM) / sc.satellites.satellitesPerLaunch;
  return Math.round(
    (p.robotaxi.cars + p.robotaxi.carsOnOrder) * carUnit +
      (p.robots.inventory + p.robots.deployed) * robotUnit +
      (p.robots.plants + building(p.robots.plantsBuilding)) * usdFromM(r.plantCostM) +
      (p.robots.lines + building(p.robots.linesBuilding)) * usdFromM(r.lineCostM) +
      p.robots.actuators * r.actuatorUnitCostUsd +
      p.satellites.satellites * satUnit +
      p.licenseCost +
      p.chips * sc.foundry.reserveUsd,
  );
}

/** cash − debt + 0.7 × book value + annualised line revenue × (4 open loop, 12 closed loop). */
export function valuationOf(p: PlayerState, sc: Scenario): number {
  const f = sc.finance;
  let revenueValue = 0;
  for (const line of LINES) {
    const multiple = p.loops[line].closedQuarter !== null ? f.closedLoopMultiple : f.openLoopMultiple;
    revenueValue += p.flows.revenue[line] * 4 * multiple;
  }
  return Math.round(p.cash - p.debt + f.bookValueFactor * bookValue(p, sc) + revenueValue);
}

export function loopsClosed(p: PlayerState): number {
  return LINES.filter((line) => p.loops[line].closedQuarter !== null).length;
}

/** Seats from best to worst: valuation, then the lower seat. */
export function rankByValuation(valuations: readonly number[]): number[] {
  return valuations.map((v, seat) => ({ v, seat })).sort((a, b) => b.v - a.v || a.seat - b.seat).map((x) => x.seat);
}
