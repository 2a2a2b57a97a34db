import { isUnsupervised } from '../lines/robotaxi';
import type { StepContext } from './context';

/** Per car-quarter (safety drivers until unsupervised), robot upkeep, satellite operations. */
export function costsStep({ state, emit }: StepContext): void {
  const sc = state.scenario;
  for (const p of state.players) {
    const carCost = isUnsupervised(p.tech.autonomy, sc) ? sc.robotaxi.costUnsupervisedUsd : sc.robotaxi.costSupervisedUsd;
    const robotaxi = p.robotaxi.cars * carCost;
    const robots = p.robots.deployed * sc.robots.upkeepUsd;
    const satellites = Math.round((p.satellites.satellites / 100) * sc.satellites.opsCostPer100M * 1_000_000);
    if (robotaxi + robots + satellites > 0)
      emit({ type: 'OperatingCostsCharged', data: { seat: p.seat, robotaxi, robots, satellites } });
  }
}
