import { BOT_DIFFICULTIES, type BotDifficulty, type BotStrategy } from '../domain/ids';
import { Rng, seedPrng } from '../random/prng';
import type { Scenario } from '../scenario/types';
import type { SimSeat, SimStrategy } from './policies';
import { runBotMatch } from './runBotMatch';
import type { MatchSummary } from './simReport';

export const DEFAULT_POOL: BotStrategy[] = ['balanced', 'robotaxi', 'robots', 'satellites', 'vertical'];

export interface SimPlan {
  matches: number;
  players: number;
  seed: string;
  /** Strategies to draw seats from (default: the five real strategies). */
  pool: SimStrategy[];
  /**
   * Strategies that play in every match (a challenger, or the two sides of a head-to-head); the
   * other seats draw from the pool. They move one seat along from match to match, so no seat
   * number favours them.
   */
  fixed?: SimStrategy[];
  difficulty: BotDifficulty | 'mixed';
  winLoops: number;
}

/** Each seat of match `index` draws a strategy (and with `mixed`, a difficulty) from the seed. */
export function seatsFor(plan: SimPlan, index: number): SimSeat[] {
  const rng = new Rng(seedPrng(`${plan.seed}:${index}:seats`));
  const seats: SimSeat[] = Array.from({ length: plan.players }, () => ({
    strategy: plan.pool[rng.int(plan.pool.length)]!,
    difficulty: plan.difficulty === 'mixed' ? BOT_DIFFICULTIES[rng.int(BOT_DIFFICULTIES.length)]! : plan.difficulty,
  }));
  (plan.fixed ?? []).forEach((strategy, i) => {
    seats[(index + i) % plan.players]!.strategy = strategy;
  });
  return seats;
}

export function runPlannedMatch(plan: SimPlan, index: number, scenario: Scenario): MatchSummary {
  const seats = seatsFor(plan, index);
  const r = runBotMatch({ seed: `${plan.seed}:${index}`, bots: seats, scenario, winLoops: plan.winLoops });
  return {
    index,
    seats,
    winner: r.winner,
    ranking: r.ranking,
    reason: r.reason,
    firstLoop: r.firstLoop,
    loopsClosed: r.loopsClosed,
    valuations: r.valuations,
    lastQuarter: r.lastQuarter,
    foundry: r.foundry.map((f) => [f.priceUsd, f.soldOut ? 1 : 0]),
    firstAuctionMaxWon: r.firstAuction?.maxWonBySeat ?? 0,
    rejections: r.rejections.length,
    stateHash: r.stateHash,
  };
}
