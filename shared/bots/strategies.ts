import type { BotStrategy } from '../domain/ids';
import type { LineId } from '../scenario/types';

/** Shares of a quarter's budget by area, and when the shared layer is front-loaded. */
export interface StrategyWeights {
  shared: number;
  robotaxi: number;
  robots: number;
  satellites: number;
  /** Chip R&D target ($M cumulative): 2,500 for AI5, 8,000 for AI6, 0 for none. */
  chipTarget: number;
  /** Quarters spent on the shared layer before the lines get money. */
  shareFirstQuarters: number;
}

/**
 * A strategy races one line to its loop, then turns its money to a second line: the shares it
 * plays with until the lead line's loop is closing (milestone held, revenue covering it), and the
 * shares after. Without a lead it keeps its first shares all match.
 */
export type StrategyPlan =
  | { lead: LineId; first: StrategyWeights; then: StrategyWeights }
  | {
      lead: null;
      first: StrategyWeights;
      /** The first shares once the chip target is taped out, for a strategy that builds the shared layer first. */
      taped?: StrategyWeights;
    };

const shares = (shared: number, robotaxi: number, robots: number, satellites: number, chipTarget = 2500, shareFirstQuarters = 0): StrategyWeights => ({
  shared,
  robotaxi,
  robots,
  satellites,
  chipTarget,
  shareFirstQuarters,
});

export const STRATEGY_PLANS = {
  balanced: { lead: null, first: shares(0.25, 0.27, 0.28, 0.2) },
  robotaxi: { lead: 'robotaxi', first: shares(0.25, 0.45, 0.3, 0), then: shares(0.2, 0.2, 0.6, 0) },
  robots: { lead: 'robots', first: shares(0.3, 0, 0.7, 0), then: shares(0.25, 0.35, 0.4, 0) },
  satellites: { lead: 'satellites', first: shares(0.1, 0.2, 0, 0.7, 0), then: shares(0.2, 0.7, 0, 0.1) },
  vertical: {
    lead: null,
    first: shares(0.4, 0.3, 0.3, 0, 8000, 0),
    taped: shares(0.15, 0.4, 0.45, 0, 8000, 0),
  },
} satisfies Record<Exclude<BotStrategy, 'random'>, StrategyPlan>;

/**
 * The shares for this quarter, for a match won with `winLoops` closed loops.
 * - A strategy with a lead line plays its first shares until the lead's loop is closing or
 *   closed, then its second shares. In a one-loop match it is a sprint: the second line's share
 *   goes to the lead from the start.
 * - One without a lead (balanced, vertical) spreads its money by its shares.
 * - Either way, a line whose loop is closing or closed (beyond a lead's, whose second shares
 *   already allow for it) keeps a third of its share, and the rest goes to the line still racing
 *   that is nearest its milestone (`progress`, 0 to 1): to its own lines while any races, else to
 *   any line (a third loop for a three-loop match).
 */
export function racingWeights(
  plan: StrategyPlan,
  done: (line: LineId) => boolean,
  progress: (line: LineId) => number,
  chipRnDTotalM: number,
  winLoops: number,
): StrategyWeights {
  const lines = ['robotaxi', 'robots', 'satellites'] as const;
  if (plan.lead !== null && !done(plan.lead)) {
    if (winLoops > 1) return plan.first;
    const sprint = { ...plan.first };
    for (const l of lines) if (l !== plan.lead) sprint[l] = 0;
    sprint[plan.lead] = 1 - sprint.shared;
    return sprint;
  }
  const w = { ...(plan.lead !== null ? plan.then : plan.taped && chipRnDTotalM >= plan.first.chipTarget ? plan.taped : plan.first) };
  const finished = lines.filter((l) => l !== plan.lead && w[l] > 0 && done(l));
  if (finished.length === 0) return w;
  const own = lines.filter((l) => w[l] > 0 && !done(l));
  const racing = own.length > 0 ? own : lines.filter((l) => !done(l));
  if (racing.length === 0) return w;
  const freed = finished.reduce((sum, l) => sum + w[l] * (2 / 3), 0);
  const next = racing.reduce((best, l) => (progress(l) > progress(best) || (progress(l) === progress(best) && w[l] > w[best]) ? l : best));
  for (const l of finished) w[l] /= 3;
  w[next] += freed;
  return w;
}
