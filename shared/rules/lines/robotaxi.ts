import type { Scenario } from '../../scenario/types';
import { grownByQuarter } from '../../math/growth';
import { skillAfter } from './skillGrowth';

/** ΔU = (100−U)·(1 − e^(−(fsdRnD + 0.5·aiTraining)·μ·(0.5 + A/100)·(1+D)/12,000)) */
export function autonomyAfter(
  u: number,
  fsdRnDM: number,
  aiTrainingM: number,
  mu: number,
  capability: number,
  dataBonus: number,
  sc: Scenario,
): number {
  const t = sc.robotaxi;
  return skillAfter(u, fsdRnDM, aiTrainingM, t.aiTrainingWeight, mu, capability, dataBonus, t.autonomyScaleM);
}

/** Ride demand of a city in a quarter: its Q1 demand grown by the scenario's rate, whole rides. */
export function cityDemand(demandQ1: number, growth: number, quarter: number): number {
  return grownByQuarter(demandQ1, growth, quarter);
}

export function isUnsupervised(u: number, sc: Scenario): boolean {
  return u >= sc.robotaxi.unsupervisedAt;
}
