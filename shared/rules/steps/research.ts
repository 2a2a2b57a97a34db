import { clamp, saturate } from '../../math/detMath';
import type { PlayerState } from '../../domain/state';
import type { Scenario } from '../../scenario/types';
import { shocksInForce } from '../effects';
import { autonomyAfter } from '../lines/robotaxi';
import { dexterityAfter } from '../lines/robots';
import { adoptionAfter, networkSynergy } from '../lines/satellites';
import { usdFromM } from '../money';
import type { StepContext } from './context';

/** D in 0..1 from active cars (fleet miles) and robots in own factories (robot hours, network-boosted). */
export function dataBonusOf(p: PlayerState, sc: Scenario): number {
  const robotHours = p.robots.deployed * (1 + networkSynergy(p, sc));
  return clamp(p.robotaxi.cars / sc.dataBonus.carsForFull + robotHours / sc.dataBonus.robotsForFull, 0, 1);
}

export function multiplierOf(p: PlayerState, sc: Scenario): number {
  return sc.chips.generations[p.tech.chipGeneration]!.multiplier;
}

/** AI capability never passes 100. */
export const MAX_CAPABILITY = 100;

/** A breakthrough adds its points to every lab, up to the ceiling: each seat's capability after it. */
export function capabilitiesAfterBreakthrough(players: ReadonlyArray<{ tech: { capability: number } }>, gain: number): number[] {
  return players.map((p) => Math.min(MAX_CAPABILITY, p.tech.capability + gain));
}

/** A += (100 − A)·(1 − e^(−aiTraining·μ·(1+D)/scale)) */
export function capabilityAfter(a: number, aiTrainingM: number, mu: number, d: number, scaleM: number): number {
  return a + (MAX_CAPABILITY - a) * saturate((aiTrainingM * mu * (1 + d)) / scaleM);
}

/** The highest generation whose tape-out threshold the cumulative chip R&D has reached. */
export function generationFor(totalM: number, sc: Scenario): number {
  let gen = 0;
  sc.chips.generations.forEach((g, i) => {
    if (totalM >= g.tapeOutAtM) gen = i;
  });
  return gen;
}

/**
 * Tape-outs that came due, the data bonus, chip R&D (tape-outs count from next quarter), AI
 * training, then what the new capability feeds: autonomy, dexterity; and phone adoption.
 */
export function researchStep({ state, quarter, emit }: StepContext): void {
  const sc = state.scenario;
  const phonesStalled = shocksInForce(state, 'phoneDelay', quarter).length > 0;
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

    const mu = multiplierOf(p, sc);
    const a = p.tech.capability;
    const fsd = p.orders.fsdRnD ?? 0;
    if (fsd > 0 || training > 0) {
      const before = p.tech.autonomy;
      const after = autonomyAfter(before, fsd, training, mu, a, d, sc);
      emit({ type: 'AutonomyImproved', data: { seat: p.seat, amount: usdFromM(fsd), before, after } });
    }
    const robotRnD = p.orders.robotRnD ?? 0;
    if (robotRnD > 0 || training > 0) {
      const before = p.tech.dexterity;
      const after = dexterityAfter(before, robotRnD, training, mu, a, d, sc);
      emit({ type: 'DexterityImproved', data: { seat: p.seat, amount: usdFromM(robotRnD), before, after } });
    }

    // Phones that speak to satellites ship from the scenario's start quarter; partnerships speed it up.
    const partnerships = p.orders.phonePartnerships ?? 0;
    const phonesShip = quarter >= sc.satellites.adoptionStartQuarter;
    if (phonesShip || partnerships > 0) {
      const before = p.tech.phoneAdoption;
      const stalled = !phonesShip || phonesStalled;
      const after = stalled ? before : adoptionAfter(before, partnerships, sc);
      emit({ type: 'PhoneAdoptionGrew', data: { seat: p.seat, amount: usdFromM(partnerships), before, after, stalled } });
    }
  }
}
