import type { Command } from '../domain/commands';
import type { BotSpec } from '../domain/ids';
import type { Orders } from '../domain/orders';
import { Rng, seedPrng } from '../random/prng';
import { LINES, type LineId } from '../scenario/types';
import type { MatchView, PrivatePlayer } from '../views/viewFor';
import { milestoneChecks } from '../rules/lines/milestones';
import { soldOut } from '../rules/markets/foundryAuction';
import { M, type BotContext } from './context';
import { fitToCash } from './fitToCash';
import { randomPlan } from './randomPlan';
import { robotaxiPlan } from './robotaxiPlan';
import { robotsPlan } from './robotsPlan';
import { satellitesPlan } from './satellitesPlan';
import { sharedPlan } from './sharedPlan';
import { SKILLS, type Skill } from './skill';
import { racingWeights, STRATEGY_PLANS, type StrategyWeights } from './strategies';

/** Cash kept back for the quarter's running costs: drivers, robot upkeep, satellite operations, interest. */
function operatingReserveUsd(view: MatchView): number {
  const me = view.me!;
  const sc = view.scenario;
  const cars = (me.robotaxi.cars + me.robotaxi.carsOnOrder) * sc.robotaxi.costSupervisedUsd;
  const robots = me.robots.deployed * sc.robots.upkeepUsd;
  const sats = (me.satellitesDetail.satellites / 100) * sc.satellites.opsCostPer100M * M;
  return (cars + robots + sats) * 1.1 + me.debt * sc.finance.loanInterestPerQuarter;
}

/** Last quarter's revenue of a line over its running costs only (no capex, research or licenses). */
export function runningStrength(me: PrivatePlayer, line: LineId): number {
  const f = me.flows;
  const sharedRunning = f.spend.shared - f.invest.shared;
  const chips = f.chipsUsed.robotaxi + f.chipsUsed.robots;
  const share = line === 'satellites' ? 0 : chips > 0 ? f.chipsUsed[line] / chips : 0.5;
  const running = f.spend[line] - f.invest[line] + sharedRunning * share;
  return running > 0 ? f.revenue[line] / running : f.revenue[line] > 0 ? Infinity : 0;
}

/** A bot's orders for this quarter, from its seat's view alone. */
export function botOrders(view: MatchView, spec: BotSpec, seed: string): Orders {
  const skill = SKILLS[spec.difficulty];
  const plan = STRATEGY_PLANS[spec.strategy === 'random' ? 'balanced' : spec.strategy];
  const ctx = botContext(view, plan.first, skill, seed);
  const { me, sc } = ctx;
  if (spec.strategy === 'random') return fitToCash(randomPlan(ctx), sc, me.tech.chipGeneration, me.cash);
  const checks = milestoneChecks({ ...me, satellites: me.satellitesDetail }, sc);
  const progress = (l: LineId) => checks[l].reduce((sum, c) => sum + (c.need > 0 ? Math.min(1, c.have / c.need) : 1), 0) / checks[l].length;
  const done = (l: LineId) => ctx.closing.has(l) || me.loopDetail[l].closedQuarter !== null;
  ctx.weights = racingWeights(plan, done, progress, me.tech.chipRnDTotalM, view.settings.winLoops);

  const budgetM = (Math.max(0, me.cash - operatingReserveUsd(view)) * skill.spendRate) / M;
  const w = ctx.weights;
  const early = view.quarter <= w.shareFirstQuarters;
  const lineShare = early ? 0.25 : 1;
  const sharedM = budgetM * (early ? w.shared + (1 - w.shared) * (1 - lineShare) : w.shared);
  sharedPlan(ctx, sharedM);
  if (w.robotaxi > 0) robotaxiPlan(ctx, budgetM * w.robotaxi * lineShare);
  if (w.robots > 0) robotsPlan(ctx, budgetM * w.robots * lineShare);
  if (w.satellites > 0) satellitesPlan(ctx, budgetM * w.satellites * lineShare);
  bidForChips(ctx);
  return fitToCash(ctx.orders, sc, me.tech.chipGeneration, me.cash);
}

/**
 * A plan's starting point: the seat's view, its own random stream for this quarter, and the lines
 * it is closing. `seed` is the bot's own stream (derived from the match seed by the host), so the
 * same match always gets the same bots.
 */
export function botContext(view: MatchView, weights: StrategyWeights, skill: Skill, seed: string): BotContext {
  const me = view.me;
  if (!me) throw new Error('botOrders needs a player view');
  return {
    view,
    me,
    sc: view.scenario,
    quarter: view.quarter,
    rng: new Rng(seedPrng(`${seed}|bot|${me.seat}|${view.quarter}`)),
    skill,
    weights,
    orders: {},
    chipsWanted: 0,
    closing: new Set(
      // A line whose milestone holds and whose revenue would cover it if investment paused.
      skill.closesLoops
        ? LINES.filter((l) => {
            const loop = me.loopDetail[l];
            return loop.milestone && loop.closedQuarter === null && runningStrength(me, l) >= 1.15;
          })
        : [],
    ),
  };
}

/**
 * The chips the plans want beyond the stock, bid at last quarter's price times the bot's margin;
 * when the foundry sold out last quarter, a bot that prices well bids the foundry's list price.
 */
export function bidForChips(ctx: BotContext): void {
  const { me, sc, view, skill, rng } = ctx;
  const chips = ctx.chipsWanted - me.chips;
  if (chips <= 0) return;
  const f = sc.foundry;
  const last = view.foundry?.clearingPriceUsd ?? f.reserveUsd;
  const contested = view.foundry !== null && soldOut(view.foundry);
  const ceiling = f.ceilingUsd ?? Infinity;
  const bid = Math.max(f.reserveUsd, Math.round(last * skill.foundryMargin * (1 + (rng.next() - 0.5) * skill.noise)));
  const price = contested && skill.pricesWell && Number.isFinite(ceiling) ? ceiling : Math.min(ceiling, bid);
  ctx.orders.foundryBid = { chips, maxPriceUsd: price };
}

/** The commands a bot sends: its sheet, then its lock. */
export function botCommands(view: MatchView, spec: BotSpec, seed: string): Command[] {
  const seat = view.me!.seat;
  return [
    { type: 'SubmitOrders', data: { seat, quarter: view.quarter, orders: botOrders(view, spec, seed) } },
    { type: 'LockOrders', data: { seat, quarter: view.quarter } },
  ];
}
