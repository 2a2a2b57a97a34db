import type { Orders } from '../domain/orders';
import { bidsPerQuarter, permitsLeft } from '../rules/ordersRules';
import type { BotContext } from './context';

/** Valid but random sheets, for fuzzing: any field, any sensible value, bids only where allowed. */
export function randomPlan(ctx: BotContext): Orders {
  const { rng, sc, view, quarter } = ctx;
  const o: Orders = {};
  const maybe = () => rng.chance(0.5);
  const upTo = (n: number) => rng.int(n + 1);
  if (maybe()) o.chipRnD = upTo(1500);
  if (maybe()) o.aiTraining = upTo(1500);
  if (maybe()) o.fsdRnD = upTo(1000);
  if (maybe()) o.robotRnD = upTo(1000);
  if (maybe()) o.phonePartnerships = upTo(500);
  if (maybe()) o.foundryBid = { chips: upTo(40_000), maxPriceUsd: sc.foundry.reserveUsd + upTo(1200) };
  if (maybe()) o.buyCars = upTo(5_000);
  if (maybe()) o.applyPermits = sc.robotaxi.cities.filter(() => rng.chance(0.3)).map((c) => c.id).slice(0, permitsLeft(sc, view.players.length, ctx.me.permits.length));
  if (maybe()) o.ridePriceUsd = 6 + upTo(14);
  if (maybe()) o.buildActuatorPlants = upTo(Math.min(1, sc.limits.maxPlantsPerQuarter));
  if (maybe()) o.buildRobotLines = upTo(Math.min(1, sc.limits.maxRobotLinesPerQuarter));
  if (maybe()) o.produceRobots = upTo(5_000);
  if (maybe()) o.robotPriceUsd = 30_000 + upTo(40_000);
  if (maybe()) o.deployInternal = upTo(3_000);
  if (maybe()) {
    if (rng.chance(0.5)) o.actuatorSell = { qty: upTo(200_000), priceUsd: 200 + upTo(400) };
    else o.actuatorBuy = { qty: upTo(200_000), priceUsd: 200 + upTo(400) };
  }
  if (maybe()) o.launches = upTo(sc.satellites.maxLaunchesPerQuarter);
  if (maybe()) o.subscriptionPriceUsd = 2 + upTo(10);
  const forSale = sc.satellites.licenses.filter((l) => view.licenses[l.id]!.holder === null && view.licenses[l.id]!.auctionQuarter === quarter);
  const bids: Record<string, number> = {};
  for (const l of forSale)
    if (rng.chance(0.3) && Object.keys(bids).length < bidsPerQuarter(sc)) bids[l.id] = l.reserveM + upTo(Math.round(l.reserveM));
  if (Object.keys(bids).length > 0) o.spectrumBids = bids;
  return o;
}
