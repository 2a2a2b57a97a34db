import { clamp, detLog2, detPow } from '../../math/detMath';
import type { Scenario } from '../../scenario/types';
import { grownByQuarter } from '../../math/growth';
import { skillAfter } from './skillGrowth';

export function actuatorsPerRobot(sc: Scenario): number {
  return sc.robots.hands * sc.robots.handActuators + sc.robots.bodyActuators;
}

/** Like autonomy, from robotRnD + 0.5·aiTraining on the dexterity scale. */
export function dexterityAfter(
  x: number,
  robotRnDM: number,
  aiTrainingM: number,
  mu: number,
  capability: number,
  dataBonus: number,
  sc: Scenario,
): number {
  const r = sc.robots;
  return skillAfter(x, robotRnDM, aiTrainingM, r.aiTrainingWeight, mu, capability, dataBonus, r.dexterityScaleM);
}

/** Unit cost before shocks and deployment: −learningRate per doubling of cumulative output. */
export function actuatorLearningCost(cumulative: number, sc: Scenario): number {
  const r = sc.robots;
  if (cumulative <= r.learningBaseUnits) return r.actuatorUnitCostUsd;
  const exponent = detLog2(1 - r.learningRate);
  return r.actuatorUnitCostUsd * detPow(cumulative / r.learningBaseUnits, exponent);
}

/** Robots working in your own factories cut actuator and car production costs (capped). */
export function deploymentCut(deployed: number, synergy: number, sc: Scenario): number {
  const r = sc.robots;
  return clamp(((deployed * (1 + synergy)) / 1000) * r.deploymentCutPer1000, 0, r.deploymentCutMax);
}

export function robotDemand(quarter: number, sc: Scenario): number {
  return grownByQuarter(sc.robots.marketDemandQ1, sc.robots.marketGrowthPerQuarter, quarter);
}
