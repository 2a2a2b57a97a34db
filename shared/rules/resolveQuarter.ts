import type { GameEvent } from '../domain/events';
import type { GameState } from '../domain/state';
import { Rng } from '../random/prng';
import { clonePlain } from '../util/clonePlain';
import { applyEvent } from './evolve';
import { standingOrders } from './ordersRules';
import { foundryStep, spectrumStep } from './steps/auctions';
import { costsStep } from './steps/costs';
import { lineCashFlowStep, loopCheckStep } from './steps/loops';
import { marketsStep } from './steps/markets';
import { permitsStep } from './steps/permits';
import { productionStep } from './steps/production';
import { shockStep } from './steps/shock';
import type { ResolutionStep, StepContext } from './steps/context';
import { emergencyLoanStep } from './steps/finance';
import { incomeStep } from './steps/income';
import { researchStep } from './steps/research';
import { valuationStep, winCheckStep } from './steps/scoring';

/**
 * GAME.md's fixed order of resolution: income & upkeep → shock → research → auctions → permits →
 * production & deliveries → markets → costs → line cash flows → loop checks → valuation → win
 * check. Emergency loans settle whatever the costs left below zero before the books are read.
 */
export const PIPELINE: readonly ResolutionStep[] = [
  incomeStep,
  shockStep,
  researchStep,
  foundryStep,
  spectrumStep,
  permitsStep,
  productionStep,
  marketsStep,
  costsStep,
  emergencyLoanStep,
  lineCashFlowStep,
  loopCheckStep,
  valuationStep,
  winCheckStep,
];

/**
 * Runs the pipeline on a private copy (or, when the caller hands its state over, on the state
 * itself); returns every event of the resolution in order.
 */
export function resolveQuarter(
  state: GameState,
  pipeline: readonly ResolutionStep[] = PIPELINE,
  inPlace = false,
): GameEvent[] {
  const quarter = state.quarter;
  // The scenario is read-only data: share it instead of copying it every quarter.
  const work = inPlace ? state : ({ ...clonePlain({ ...state, scenario: null }), scenario: state.scenario } as GameState);
  const rng = new Rng(state.rng);
  const events: GameEvent[] = [];
  const ctx: StepContext = {
    state: work,
    quarter,
    rng,
    emit(event) {
      events.push(event);
      applyEvent(work, event);
    },
  };
  ctx.emit({ type: 'PlanningEnded', data: { quarter } });
  for (const step of pipeline) step(ctx);
  ctx.emit({ type: 'QuarterResolved', data: { quarter, rng: rng.state() } });
  if (work.status !== 'ended') {
    ctx.emit({
      type: 'PlanningOpened',
      data: { quarter: quarter + 1, standingOrders: work.players.map((p) => standingOrders(work, p)) },
    });
  }
  return events;
}
