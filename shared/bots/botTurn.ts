import type { Command } from '../domain/commands';
import type { BotSpec } from '../domain/ids';
import type { Orders } from '../domain/orders';
import { Rng, seedPrng } from '../random/prng';
import { LINES, type LineId } from '../scenario/types';
import type { MatchView, PrivatePlayer } from '../views/viewFor';
import { M, type BotContext } from './context';
import { fitToCash } from './fitToCash';
import { randomPlan } from './randomPlan';
import { robotaxiPlan } from './robotaxiPlan';
import { robotsPlan } from './robotsPlan';
import { satellitesPlan } from './satellitesPlan';
import { sharedPlan } from './sharedPlan';
import { SKILLS } from './skill';
import { STRATEGY_WEIGHTS } from './strategies';

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

/**
 * A bot's orders for this quarter, from its seat's view alone. `seed` is the bot's own stream
 * (derived from the match seed by the host), so the same match always gets the same bots.
 */
export function botOrders(view: MatchView, spec: BotSpec, seed: string): Orders {
  const me = view.me;
  if (!me) throw new Error('botOrders needs a player view');
  const rng = new Rng(seedPrng(`${seed}|bot|${me.seat}|${view.quarter}`));
  const skill = SKILLS[spec.difficulty];
  const sc = view.scenario;
  const ctx: BotContext = {
    view,
    me,
    sc,
    quarter: view.quarter,
    rng,
    skill,
    weights: STRATEGY_WEIGHTS[spec.strategy === 'random' ? 'balanced' : spec.strategy],
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
  if (spec.strategy === 'random') return fitToCash(randomPlan(ctx), sc, me.tech.chipGeneration, me.cash);

  const budgetM = (Math.max(0, me.cash - operatingReserveUsd(view)) * skill.spendRate) / M;
  const w = ctx.weights;
  const early = view.quarter <= w.shareFirstQuarters;
  const lineShare = early ? 0.25 : 1;
  const sharedM = budgetM * (early ? w.shared + (1 - w.shared) * (1 - lineShare) : w.shared);
  sharedPlan(ctx, sharedM);
  if (w.robotaxi > 0) robotaxiPlan(ctx, budgetM * w.robotaxi * lineShare);
  if (w.robots > 0) robotsPlan(ctx, budgetM * w.robots * lineShare);
  if (w.satellites > 0) satellitesPlan(ctx, budgetM * w.satellites * lineShare);

  const chips = ctx.chipsWanted - me.chips;
  if (chips > 0) {
    const last = view.foundry?.clearingPriceUsd ?? sc.foundry.reserveUsd;
    const price = Math.max(sc.foundry.reserveUsd, Math.round(last * skill.foundryMargin * (1 + (rng.next() - 0.5) * skill.noise)));
    ctx.orders.foundryBid = { chips, maxPriceUsd: price };
  }
  return fitToCash(ctx.orders, sc, me.tech.chipGeneration, me.cash);
}

/** The commands a bot sends: its sheet, then its lock. */
export function botCommands(view: MatchView, spec: BotSpec, seed: string): Command[] {
  const seat = view.me!.seat;
  return [
    { type: 'SubmitOrders', data: { seat, quarter: view.quarter, orders: botOrders(view, spec, seed) } },
    { type: 'LockOrders', data: { seat, quarter: view.quarter } },
  ];
}
