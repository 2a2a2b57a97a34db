import type { Orders } from '../domain/orders';
import type { Rng } from '../random/prng';
import type { Scenario } from '../scenario/types';
import type { MatchView, PrivatePlayer } from '../views/viewFor';
import type { Skill } from './skill';
import type { StrategyWeights } from './strategies';

/** What a bot plan reads (only its seat's view) and the sheet it writes into. */
export interface BotContext {
  view: MatchView;
  me: PrivatePlayer;
  sc: Scenario;
  quarter: number;
  rng: Rng;
  skill: Skill;
  weights: StrategyWeights;
  orders: Orders;
  /** Chips the plans want this quarter (cars and robots), for the foundry bid. */
  chipsWanted: number;
}

export const M = 1_000_000;

/** x × (1 ± noise), never negative. */
export function jitter(ctx: BotContext, x: number): number {
  if (x <= 0) return 0;
  return x * (1 + (ctx.rng.next() * 2 - 1) * ctx.skill.noise);
}

/** Whole $M, so sheets read cleanly in reports. */
export function wholeM(x: number): number {
  return Math.max(0, Math.floor(x));
}
