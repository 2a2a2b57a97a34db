import { bidForChips, botContext } from '../bots/botTurn';
import { M } from '../bots/context';
import { fitToCash } from '../bots/fitToCash';
import { robotaxiPlan } from '../bots/robotaxiPlan';
import { robotsPlan } from '../bots/robotsPlan';
import { satellitesPlan } from '../bots/satellitesPlan';
import { SKILLS } from '../bots/skill';
import type { Command } from '../domain/commands';
import type { BotDifficulty, BotStrategy } from '../domain/ids';
import type { Orders } from '../domain/orders';
import { committedSpendFor } from '../rules/ordersRules';
import type { LineId } from '../scenario/types';
import type { MatchView } from '../views/viewFor';

/**
 * Degenerate players the simulator pits against the bots, to show that no lazy policy wins:
 * `idle` never sends a sheet (it lives on its legacy income), `allin-<line>` puts all its cash
 * into one line every quarter. They play as human seats, through the same rules.
 */
export const SIM_POLICIES = ['idle', 'allin-robotaxi', 'allin-robots', 'allin-satellites'] as const;
export type SimPolicy = (typeof SIM_POLICIES)[number];
export type SimStrategy = BotStrategy | SimPolicy;

/** A simulated seat: a bot strategy with its difficulty, or a policy (its difficulty unused). */
export interface SimSeat {
  strategy: SimStrategy;
  difficulty: BotDifficulty;
}

export const isPolicy = (s: SimStrategy): s is SimPolicy => (SIM_POLICIES as readonly string[]).includes(s);

const PLANS = { robotaxi: robotaxiPlan, robots: robotsPlan, satellites: satellitesPlan } as const;

/** Where the cash the line's plan did not place goes, so that every dollar is in the line. */
const REST: Record<LineId, 'fsdRnD' | 'robotRnD' | 'phonePartnerships'> = {
  robotaxi: 'fsdRnD',
  robots: 'robotRnD',
  satellites: 'phonePartnerships',
};

/** All cash into one line: its plan with the whole cash as budget, the rest into its research. */
export function allInOrders(view: MatchView, line: LineId, seed: string): Orders {
  const weights = { shared: 0, robotaxi: 0, robots: 0, satellites: 0, [line]: 1, chipTarget: 0, shareFirstQuarters: 0 };
  // A normal bot's sense for prices and bids, without its patience: it never holds back to close a loop.
  const ctx = botContext(view, weights, { ...SKILLS.normal, closesLoops: false, spendRate: 1 }, seed);
  const { me, sc } = ctx;
  PLANS[line](ctx, me.cash / M);
  bidForChips(ctx);
  const sheet = fitToCash(ctx.orders, sc, me.tech.chipGeneration, me.cash);
  const rest = Math.floor((me.cash - committedSpendFor(sc, me.tech.chipGeneration, sheet)) / M);
  if (rest > 0) sheet[REST[line]] = (sheet[REST[line]] ?? 0) + rest;
  return sheet;
}

/** The commands a policy seat sends this quarter (none for `idle`). */
export function policyCommands(view: MatchView, policy: SimPolicy, seed: string): Command[] {
  if (policy === 'idle') return [];
  const seat = view.me!.seat;
  const line = policy.slice('allin-'.length) as LineId;
  return [
    { type: 'SubmitOrders', data: { seat, quarter: view.quarter, orders: allInOrders(view, line, seed) } },
    { type: 'LockOrders', data: { seat, quarter: view.quarter } },
  ];
}
