import type { Orders } from '../domain/orders';
import { BUDGET_FIELDS, COUNT_FIELDS, PRICE_FIELDS } from '../domain/orders';
import { RuleError } from '../domain/errors';
import type { GameState, PlayerState } from '../domain/state';
import type { Scenario } from '../scenario/types';
import { usdFromM } from './money';
import { licensesForSale } from './spectrumSchedule';

// Checks a sheet field by field with the exact code of the first problem, and builds a clean
// copy of it (known keys only, permits de-duplicated, bids keyed by known licenses).

function checkNumber(field: string, v: number, max: number, opts: { integer: boolean }): void {
  if (!Number.isFinite(v)) throw new RuleError('NOT_FINITE', `${field} must be a finite number, got ${String(v)}.`, { field });
  if (v < 0) throw new RuleError('NEGATIVE_AMOUNT', `${field} cannot be negative (got ${v}).`, { field });
  if (opts.integer && !Number.isInteger(v))
    throw new RuleError('NOT_INTEGER', `${field} must be a whole number (got ${v}).`, { field });
  if (v > max) throw new RuleError('AMOUNT_TOO_LARGE', `${field} is too large (${v} > ${max}).`, { field });
}

function checkPrice(field: string, v: number, max: number): void {
  checkNumber(field, v, max, { integer: false });
  if (v <= 0) throw new RuleError('PRICE_TOO_LOW', `${field} must be above zero.`, { field });
}

export function validateOrders(state: GameState, orders: Orders, player?: PlayerState): Orders {
  const sc = state.scenario;
  const lim = sc.limits;
  const clean: Orders = {};

  for (const f of BUDGET_FIELDS) {
    const v = orders[f];
    if (v === undefined) continue;
    checkNumber(f, v, lim.maxMoneyOrderM, { integer: false });
    clean[f] = v;
  }
  for (const f of COUNT_FIELDS) {
    const v = orders[f];
    if (v === undefined) continue;
    checkNumber(f, v, lim.maxQuantityOrder, { integer: true });
    clean[f] = v;
  }
  for (const f of PRICE_FIELDS) {
    const v = orders[f];
    if (v === undefined) continue;
    checkPrice(f, v, lim.maxUnitPriceUsd);
    clean[f] = v;
  }

  if (orders.foundryBid) {
    const { chips, maxPriceUsd } = orders.foundryBid;
    checkNumber('foundryBid.chips', chips, lim.maxQuantityOrder, { integer: true });
    checkPrice('foundryBid.maxPriceUsd', maxPriceUsd, lim.maxUnitPriceUsd);
    if (chips > 0 && maxPriceUsd < sc.foundry.reserveUsd)
      throw new RuleError('BID_BELOW_RESERVE', `Foundry bids start at the reserve of $${sc.foundry.reserveUsd} per chip.`, {
        field: 'foundryBid.maxPriceUsd',
      });
    const ceiling = sc.foundry.ceilingUsd;
    if (chips > 0 && ceiling !== undefined && maxPriceUsd > ceiling)
      throw new RuleError('BID_ABOVE_CEILING', `The foundry sells at most at its list price of $${ceiling} per chip.`, {
        field: 'foundryBid.maxPriceUsd',
        limit: ceiling,
      });
    clean.foundryBid = { chips, maxPriceUsd };
  }

  for (const side of ['actuatorSell', 'actuatorBuy'] as const) {
    const o = orders[side];
    if (!o) continue;
    checkNumber(`${side}.qty`, o.qty, lim.maxQuantityOrder, { integer: true });
    checkPrice(`${side}.priceUsd`, o.priceUsd, lim.maxUnitPriceUsd);
    clean[side] = { qty: o.qty, priceUsd: o.priceUsd };
  }

  if ((clean.actuatorSell?.qty ?? 0) > 0 && (clean.actuatorBuy?.qty ?? 0) > 0)
    throw new RuleError('CROSSING_ORDERS', 'You cannot buy and sell actuators in the same quarter.', { field: 'actuatorBuy' });

  if (orders.applyPermits) {
    const known = new Set(sc.robotaxi.cities.map((c) => c.id));
    for (const city of orders.applyPermits) {
      if (!known.has(city)) throw new RuleError('UNKNOWN_CITY', `There is no city "${city}".`, { field: 'applyPermits' });
    }
    clean.applyPermits = [...new Set(orders.applyPermits)];
    const cap = permitCap(sc, state.players.length);
    const held = player?.robotaxi.permits ?? [];
    const wanted = clean.applyPermits.filter((c) => !held.includes(c)).length;
    if (held.length + wanted > cap)
      throw new RuleError('TOO_MANY_PERMITS', `A company may hold at most ${cap} city permits (you hold ${held.length} and apply for ${wanted}).`, {
        field: 'applyPermits',
        limit: cap,
        held: held.length,
      });
  }

  if (orders.launches !== undefined && orders.launches > sc.satellites.maxLaunchesPerQuarter)
    throw new RuleError('TOO_MANY_LAUNCHES', `At most ${sc.satellites.maxLaunchesPerQuarter} launches per quarter.`, {
      field: 'launches',
    });
  if (orders.buildActuatorPlants !== undefined && orders.buildActuatorPlants > lim.maxPlantsPerQuarter)
    throw new RuleError('TOO_MANY_PLANTS', `At most ${lim.maxPlantsPerQuarter} actuator plants can be started per quarter.`, {
      field: 'buildActuatorPlants',
    });
  if (orders.buildRobotLines !== undefined && orders.buildRobotLines > lim.maxRobotLinesPerQuarter)
    throw new RuleError('TOO_MANY_ROBOT_LINES', `At most ${lim.maxRobotLinesPerQuarter} robot lines can be started per quarter.`, {
      field: 'buildRobotLines',
    });

  if (orders.spectrumBids) {
    const all = new Map(sc.satellites.licenses.map((l) => [l.id, l]));
    const forSale = new Set(licensesForSale(state).map((l) => l.id));
    const bids: Record<string, number> = {};
    for (const [licenseId, amount] of Object.entries(orders.spectrumBids)) {
      const license = all.get(licenseId);
      if (!license) throw new RuleError('UNKNOWN_LICENSE', `There is no license "${licenseId}".`, { field: 'spectrumBids' });
      if (!forSale.has(licenseId))
        throw new RuleError('LICENSE_NOT_FOR_SALE', `License ${licenseId} is not up for auction this quarter.`, {
          field: 'spectrumBids',
        });
      checkNumber(`spectrumBids.${licenseId}`, amount, lim.maxMoneyOrderM, { integer: false });
      if (amount > 0 && amount < license.reserveM)
        throw new RuleError('BID_BELOW_RESERVE', `The reserve for ${licenseId} is $${license.reserveM}M.`, {
          field: `spectrumBids.${licenseId}`,
        });
      if (amount > 0) bids[licenseId] = amount;
    }
    const cap = sc.satellites.maxBidsPerQuarter;
    if (cap !== undefined && Object.keys(bids).length > cap)
      throw new RuleError('TOO_MANY_BIDS', `At most ${cap} spectrum licenses can be bid for in one quarter.`, { field: 'spectrumBids', limit: cap });
    clean.spectrumBids = bids;
  }
  return clean;
}

/**
 * The most city permits one company may hold in a match of `seats`: the scenario's cap, and no more
 * than a fair share of all the cities' slots, but always enough for the milestone (so in a full
 * match nobody can be shut out of the robotaxi line by rivals who took every city).
 */
export function permitCap(sc: Scenario, seats: number): number {
  const cap = sc.robotaxi.maxPermitsPerPlayer;
  if (cap === undefined) return Infinity;
  const slots = sc.robotaxi.cities.reduce((n, c) => n + c.permitSlots, 0);
  return Math.min(cap, Math.max(sc.robotaxi.milestone.cities, Math.floor(slots / Math.max(1, seats))));
}

/** How many more city permits a company holding `held` may apply for. */
export function permitsLeft(sc: Scenario, seats: number, held: number): number {
  return Math.max(0, permitCap(sc, seats) - held);
}

/** How many licenses a company may bid for in one quarter. */
export function bidsPerQuarter(sc: Scenario): number {
  return sc.satellites.maxBidsPerQuarter ?? Infinity;
}

/** The most the sheet can cost this quarter, in whole dollars (bids at their maximum). */
export function committedSpend(state: GameState, player: PlayerState, o: Orders): number {
  return committedSpendFor(state.scenario, player.tech.chipGeneration, o);
}

/** The same, from the scenario and the player's chip generation (what a bot's view holds). */
export function committedSpendFor(sc: Scenario, chipGeneration: number, o: Orders): number {
  const computeCost = sc.chips.generations[chipGeneration]!.computeCostUsd;
  let usd = 0;
  for (const f of BUDGET_FIELDS) usd += usdFromM(o[f] ?? 0);
  usd += (o.buyCars ?? 0) * (sc.robotaxi.carPriceUsd + computeCost);
  usd += (o.produceRobots ?? 0) * (sc.robots.otherPartsUsd + computeCost);
  usd += (o.buildActuatorPlants ?? 0) * usdFromM(sc.robots.plantCostM);
  usd += (o.buildRobotLines ?? 0) * usdFromM(sc.robots.lineCostM);
  usd += (o.launches ?? 0) * usdFromM(sc.satellites.launchCostM);
  if (o.foundryBid) usd += o.foundryBid.chips * o.foundryBid.maxPriceUsd;
  if (o.actuatorBuy) usd += o.actuatorBuy.qty * o.actuatorBuy.priceUsd;
  for (const amount of Object.values(o.spectrumBids ?? {})) usd += usdFromM(amount);
  return Math.round(usd);
}

export function assertAffordable(state: GameState, player: PlayerState, orders: Orders): void {
  const cost = committedSpend(state, player, orders);
  if (cost > player.cash)
    throw new RuleError(
      'INSUFFICIENT_CASH',
      `These orders commit $${(cost / 1e6).toFixed(1)}M but only $${(player.cash / 1e6).toFixed(1)}M is on hand.`,
      { committedUsd: cost, cashUsd: player.cash },
    );
}

/**
 * What carries into the next quarter for a player who does not lock a new sheet: the last sheet
 * without its one-off bids and applications; if that is no longer affordable, only its prices.
 */
export function standingOrders(state: GameState, player: PlayerState): Orders {
  const { spectrumBids: _bids, applyPermits: _permits, ...rest } = player.orders;
  if (committedSpend(state, player, rest) <= player.cash) return rest;
  return pricesOnly(rest);
}

/** A sheet reduced to its prices: what remains when nothing can be afforded. */
export function pricesOnly(o: Orders): Orders {
  const out: Orders = {};
  for (const f of PRICE_FIELDS) if (o[f] !== undefined) out[f] = o[f];
  return out;
}
