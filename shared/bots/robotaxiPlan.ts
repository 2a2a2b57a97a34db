import { cityDemand } from '../rules/lines/robotaxi';
import { permitsLeft } from '../rules/ordersRules';
import { adjustPrice, jitter, M, wholeM, type BotContext } from './context';

const AUTONOMY_TARGET = 91;

/** Autonomy first; then permits where allowed, and a fleet sized to the permitted cities' demand. */
export function robotaxiPlan(ctx: BotContext, planned: number): void {
  let budgetM = planned;
  const { me, sc, quarter, view, skill, orders } = ctx;
  const t = sc.robotaxi;
  const u = me.tech.autonomy;
  const closing = ctx.closing.has('robotaxi');
  const researching = !closing && (u < AUTONOMY_TARGET || !skill.stopsResearchAtTarget);
  if (closing) {
    // Spend at most half of what last quarter's rides earned above their running costs.
    const opexM = (me.robotaxi.cars * (u >= t.unsupervisedAt ? t.costUnsupervisedUsd : t.costSupervisedUsd)) / M;
    budgetM = Math.min(budgetM, Math.max(0, (me.flows.revenue.robotaxi / M - opexM) * 0.5));
  }
  const open = t.cities.filter((c) => !me.permits.includes(c.id) && view.permits[c.id]!.length < c.permitSlots);
  // The busiest cities first, as many as the permit cap leaves room for.
  const eligible = open
    .filter((c) => u >= c.minAutonomy)
    .sort((a, b) => b.demandQ1 - a.demandQ1)
    .slice(0, permitsLeft(sc, view.players.length, me.permits.length));
  if (eligible.length > 0) orders.applyPermits = eligible.map((c) => c.id);

  const fleetCities = [...me.permits, ...eligible.map((c) => c.id)];
  let rndM = researching ? budgetM * (fleetCities.length > 0 ? 0.35 : 0.9) : 0;
  if (rndM > 0) orders.fsdRnD = wholeM(jitter(ctx, rndM));
  else rndM = 0;

  if (fleetCities.length > 0) {
    // Cars ordered now ride from next quarter: size the fleet to next quarter's demand, shared with rivals.
    let wantedRides = 0;
    for (const id of fleetCities) {
      const city = t.cities.find((c) => c.id === id)!;
      const rivals = view.permits[id]!.filter((s) => s !== me.seat).length;
      wantedRides += cityDemand(city.demandQ1, t.demandGrowthPerQuarter, quarter + 1) / (rivals + 1);
    }
    const target = Math.floor((wantedRides * 0.9) / t.ridesPerCarQuarter);
    const wanted = Math.max(0, target - me.robotaxi.cars - me.robotaxi.carsOnOrder);
    const chipPrice = Math.max(sc.foundry.reserveUsd, view.foundry?.clearingPriceUsd ?? sc.foundry.reserveUsd) * skill.foundryMargin;
    const unit = t.carPriceUsd + sc.chips.generations[me.tech.chipGeneration]!.computeCostUsd + chipPrice;
    const affordable = Math.floor(((budgetM - rndM) * M) / unit);
    const cars = Math.max(0, Math.min(wanted, affordable));
    if (cars > 0) {
      orders.buyCars = cars;
      ctx.chipsWanted += cars;
    }
  }
  // Cars that gave every ride they could mean riders were turned away: the price can rise.
  const last = me.orders.ridePriceUsd ?? t.defaultRidePriceUsd;
  const capacity = me.robotaxi.cars * t.ridesPerCarQuarter;
  const utilisation = capacity > 0 ? me.flows.revenue.robotaxi / (capacity * last) : 0;
  orders.ridePriceUsd =
    skill.priceStep > 0 && capacity > 0
      ? adjustPrice(ctx, last, utilisation >= 0.98, utilisation < 0.7, t.defaultRidePriceUsd * 0.8, t.defaultRidePriceUsd * 2)
      : Math.round(jitter(ctx, t.defaultRidePriceUsd) * 100) / 100;
}
