import type { LineCashFlow } from '../../domain/events';
import type { PlayerState } from '../../domain/state';
import { LINES, type LineId } from '../../scenario/types';
import { milestones } from '../lines/milestones';
import type { StepContext } from './context';

/** Reported when a line spends nothing but earns: "self-funding" beyond measure, kept finite for JSON. */
export const STRENGTH_CAP = 99;

/**
 * Shared-layer spend (chip R&D, AI training, foundry chips) goes to Robotaxi and Robots in
 * proportion to the chips each used this quarter, half each when neither used any; Satellites
 * carry none. The Robots share is the remainder, so the two add up to the dollar.
 */
export function splitShared(p: PlayerState): Record<LineId, number> {
  const shared = p.flows.spend.shared;
  const { robotaxi: cars, robots } = p.flows.chipsUsed;
  const toRobotaxi = cars + robots > 0 ? Math.round((shared * cars) / (cars + robots)) : Math.round(shared / 2);
  return { robotaxi: toRobotaxi, robots: shared - toRobotaxi, satellites: 0 };
}

export function loopStrength(revenue: number, spend: number): number {
  if (spend > 0) return Math.min(STRENGTH_CAP, revenue / spend);
  return revenue > 0 ? STRENGTH_CAP : 0;
}

export function lineCashFlowStep({ state, quarter, emit }: StepContext): void {
  for (const p of state.players) {
    const shared = splitShared(p);
    const reached = milestones(p, state.scenario);
    const lines = {} as Record<LineId, LineCashFlow>;
    for (const line of LINES) {
      const revenue = p.flows.revenue[line];
      const spend = p.flows.spend[line] + shared[line];
      lines[line] = { revenue, spend, sharedSpend: shared[line], strength: loopStrength(revenue, spend), milestone: reached[line] };
    }
    emit({ type: 'LineCashFlowsReported', data: { quarter, seat: p.seat, lines } });
  }
}

/** A loop closes after N consecutive quarters with the milestone met and strength ≥ 1; then it stays closed. */
export function loopCheckStep({ state, quarter, emit }: StepContext): void {
  const need = state.scenario.loop;
  for (const p of state.players) {
    for (const line of LINES) {
      const loop = p.loops[line];
      if (loop.closedQuarter !== null) continue;
      const qualifying = loop.milestone && loop.strength >= need.minStrength;
      const streak = qualifying ? loop.streak + 1 : 0;
      if (streak !== loop.streak || qualifying)
        emit({ type: 'LoopProgressed', data: { quarter, seat: p.seat, line, qualifying, streak } });
      if (streak >= need.qualifyingQuarters) emit({ type: 'LoopClosed', data: { quarter, seat: p.seat, line } });
    }
  }
}
