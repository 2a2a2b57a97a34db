import { clamp, saturate } from '../../math/detMath';
import type { PlayerState } from '../../domain/state';
import type { Scenario } from '../../scenario/types';
import { usdFromM } from '../money';
import type { StepContext } from './context';

/** D in 0..1 from active cars (fleet miles) and robots deployed in own factories (robot hours). */
export function dataBonusOf(p: PlayerState, sc: Scenario): number {
  return clamp(p.cars / sc.dataBonus.carsForFull + p.robotsDeployed / sc.dataBonus.robotsForFull, 0, 1);
}

export function multiplierOf(p: PlayerState, sc: Scenario): number {
  return sc.chips.generations[p.tech.chipGeneration]!.multiplier;
}

/** A += (100 − A)·(1 − e^(−aiTraining·μ·(1+D)/scale)) */
export function capabilityAfter(a: number, aiTrainingM: number, mu: number, d: number, scaleM: number): number {
  return a + (100 - a) * saturate((aiTrainingM * mu * (1 + d)) / scaleM);
}

/** The highest generation whose tape-out threshold the cumulative chip R&D has reached. */
export function generationFor(totalM: number, sc: Scenario): number {
  let gen = 0;
  sc.chips.generations.forEach((g, i) => {
    if (totalM >= g.tapeOutAtM) gen = i;
  });
  return gen;
}

/** Tape-outs that came due, the data bonus, chip R&D (tape-outs count from next quarter), AI training. */
export function researchStep({ state, quarter, emit }: StepContext): void {
  const sc = state.scenario;
  for (const p of state.players) {
    const pending = p.tech.pendingGeneration;
    if (pending && pending.fromQuarter <= quarter)
      emit({ type: 'ChipGenerationActivated', data: { seat: p.seat, generation: pending.generation } });

    const d = dataBonusOf(p, sc);
    if (d !== p.tech.dataBonus) emit({ type: 'DataBonusMeasured', data: { seat: p.seat, dataBonus: d } });

    const chipRnD = p.orders.chipRnD ?? 0;
    if (chipRnD > 0) {
      const totalM = p.tech.chipRnDTotalM + chipRnD;
      emit({ type: 'ChipResearchFunded', data: { seat: p.seat, amount: usdFromM(chipRnD), totalM } });
      const reached = generationFor(totalM, sc);
      const known = p.tech.pendingGeneration?.generation ?? p.tech.chipGeneration;
      if (reached > known)
        emit({ type: 'ChipTapedOut', data: { seat: p.seat, generation: reached, fromQuarter: quarter + 1 } });
    }

    const training = p.orders.aiTraining ?? 0;
    if (training > 0) {
      const mu = multiplierOf(p, sc);
      const before = p.tech.capability;
      emit({
        type: 'AiTrained',
        data: {
          seat: p.seat,
          amount: usdFromM(training),
          multiplier: mu,
          dataBonus: d,
          capabilityBefore: before,
          capability: capabilityAfter(before, training, mu, d, sc.ai.trainingScaleM),
        },
      });
    }
  }
}
