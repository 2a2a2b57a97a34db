import { shocksInForce } from '../effects';
import { cityDemand } from '../lines/robotaxi';
import { robotDemand } from '../lines/robots';
import { globalCoverage, networkSynergy, regionCoverage } from '../lines/satellites';
import { clearActuatorExchange } from '../markets/actuatorExchange';
import { splitRides, type RideOffer } from '../markets/rideMarket';
import { sellRobots } from '../markets/robotMarket';
import { proportionalUnits } from '../markets/shareSplit';
import { splitSubscribers } from '../markets/subscriberMarket';
import type { StepContext } from './context';

export function marketsStep(ctx: StepContext): void {
  ridesMarket(ctx);
  robotMarket(ctx);
  subscriberMarket(ctx);
  actuatorExchange(ctx);
}

/** Each operator spreads its cars over its permitted, open cities by demand; each city splits its riders. */
function ridesMarket({ state, quarter, emit }: StepContext): void {
  const sc = state.scenario;
  const t = sc.robotaxi;
  const paused = new Set(shocksInForce(state, 'cityPause', quarter).map((s) => s.cityId));
  const demand = new Map(t.cities.map((c) => [c.id, cityDemand(c.demandQ1, t.demandGrowthPerQuarter, quarter)]));
  const carsIn = new Map<string, Map<number, number>>(t.cities.map((c) => [c.id, new Map()]));
  const synergy = state.players.map((p) => networkSynergy(p, sc));
  for (const p of state.players) {
    const open = p.robotaxi.permits.filter((id) => !paused.has(id));
    const spread = proportionalUnits(p.robotaxi.cars, open.map((id) => demand.get(id)!));
    open.forEach((id, i) => carsIn.get(id)!.set(p.seat, spread[i]!));
  }
  const cities = t.cities.map((c) => {
    const offers: RideOffer[] = [...carsIn.get(c.id)!.entries()]
      .filter(([, cars]) => cars > 0)
      .map(([seat, cars]) => {
        const p = state.players[seat]!;
        return {
          seat,
          cars,
          capacity: Math.floor(cars * t.ridesPerCarQuarter * (1 + synergy[seat]!)),
          autonomy: p.tech.autonomy,
          priceUsd: p.orders.ridePriceUsd ?? t.defaultRidePriceUsd,
        };
      });
    return {
      cityId: c.id,
      demand: demand.get(c.id)!,
      paused: paused.has(c.id),
      operators: splitRides(demand.get(c.id)!, offers, t.defaultRidePriceUsd, t.priceElasticity),
    };
  });
  if (cities.some((c) => c.operators.length > 0 || c.paused)) emit({ type: 'RidesServed', data: { quarter, cities } });
}

function robotMarket({ state, quarter, emit }: StepContext): void {
  const sc = state.scenario;
  const r = sc.robots;
  const offers = state.players
    .filter((p) => p.robots.inventory > 0)
    .map((p) => ({
      seat: p.seat,
      offered: p.robots.inventory,
      dexterity: p.tech.dexterity,
      priceUsd: p.orders.robotPriceUsd ?? r.defaultPriceUsd,
      reach: globalCoverage(p, sc),
    }));
  if (offers.length === 0) return;
  const demand = robotDemand(quarter, sc);
  const remoteDemand = Math.round(demand * r.remoteSitesShare);
  const sellers = sellRobots(demand, remoteDemand, offers, r.referencePriceUsd, r.priceElasticity);
  emit({ type: 'RobotsSold', data: { quarter, demand, remoteDemand, sellers } });
}

function subscriberMarket({ state, quarter, emit }: StepContext): void {
  const sc = state.scenario;
  const s = sc.satellites;
  const regions = s.regions
    .map((region) => {
      const offers = state.players
        .map((p) => ({
          seat: p.seat,
          coverage: regionCoverage(p, region.id, sc),
          adoption: p.tech.phoneAdoption,
          priceUsd: p.orders.subscriptionPriceUsd ?? s.defaultPriceUsd,
        }))
        .filter((o) => o.coverage > 0);
      return {
        regionId: region.id,
        providers: splitSubscribers(region.usersM * 1_000_000, offers, s.incumbentPriceUsd, s.priceElasticity, s.monthsPerQuarter),
      };
    })
    .filter((r) => r.providers.length > 0);
  if (regions.length > 0) emit({ type: 'SubscribersServed', data: { quarter, regions } });
}

/** Sell orders are limited to the actuators in stock at clearing time. */
function actuatorExchange({ state, quarter, emit }: StepContext): void {
  const sells = state.players
    .filter((p) => p.orders.actuatorSell)
    .map((p) => ({ seat: p.seat, qty: Math.min(p.orders.actuatorSell!.qty, p.robots.actuators), priceUsd: p.orders.actuatorSell!.priceUsd }));
  const buys = state.players
    .filter((p) => p.orders.actuatorBuy)
    .map((p) => ({ seat: p.seat, qty: p.orders.actuatorBuy!.qty, priceUsd: p.orders.actuatorBuy!.priceUsd }));
  if (sells.every((o) => o.qty <= 0) && buys.every((o) => o.qty <= 0)) return;
  emit({ type: 'ActuatorExchangeCleared', data: { quarter, ...clearActuatorExchange(sells, buys) } });
}
