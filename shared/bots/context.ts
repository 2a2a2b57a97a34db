import type { Orders } from '../domain/orders';
import type { Rng } from '../random/prng';
import type { LineId, Scenario } from '../scenario/types';
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
  /**
   * Lines whose milestone holds but whose loop is still open: the bot stops investing in them
   * (no capex, no line research) so that revenue covers spending for the quarters that count.
   */
  closing: ReadonlySet<LineId>;
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

/**
 * Next quarter's price from last quarter's: up when everything offered sold (demand was left
 * over), down when much went unsold; within [min, max]. Easy bots never move.
 */
export function adjustPrice(ctx: BotContext, last: number, soldOut: boolean, glut: boolean, min: number, max: number): number {
  const step = ctx.skill.priceStep;
  const next = soldOut ? last * (1 + step) : glut ? last * (1 - step) : last;
  return Math.round(Math.min(max, Math.max(min, next)) * 100) / 100;
}
