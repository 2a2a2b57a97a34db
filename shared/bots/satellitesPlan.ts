import { bidsPerQuarter } from '../rules/ordersRules';
import { jitter, M, wholeM, type BotContext } from './context';

const FLEET_TARGET = 430;
const HOLD_FLEET = 360;
const ADOPTION_TARGET = 0.3;

/**
 * Licenses first (two regions make the milestone), a constellation of ~430 satellites, phone
 * partnerships once phones can ship, subscriptions priced against the incumbents.
 */
export function satellitesPlan(ctx: BotContext, budgetM: number): void {
  const { me, sc, quarter, view, skill, orders } = ctx;
  const s = sc.satellites;
  let left = budgetM;
  const held = me.licenses;
  const heldRegions = new Set(s.licenses.filter((l) => held.includes(l.id)).map((l) => l.region));
  const forSale = s.licenses.filter((l) => view.licenses[l.id]!.holder === null && view.licenses[l.id]!.auctionQuarter === quarter);
  const quartersLeft = Math.max(0, sc.quarters - Math.max(quarter, s.adoptionStartQuarter));
  // Worth of a license: expected subscribers over the match, half of it kept as margin.
  const worthM = (usersM: number) => (usersM * M * 0.3 * s.oneBandFactor * 0.5 * s.defaultPriceUsd * s.monthsPerQuarter * quartersLeft * 0.5) / M;
  const ranked = forSale
    .map((l) => ({ l, worth: worthM(s.regions.find((r) => r.id === l.region)!.usersM) * (heldRegions.has(l.region) ? 1.3 : 1) }))
    .filter((x) => x.worth > x.l.reserveM)
    .sort((a, b) => b.worth / b.l.reserveM - a.worth / a.l.reserveM);
  const closing = ctx.closing.has('satellites');
  const bids: Record<string, number> = {};
  for (const { l, worth } of closing ? [] : ranked) {
    if (Object.keys(bids).length >= bidsPerQuarter(sc)) break;
    const bid = Math.max(l.reserveM, Math.min(worth * skill.spectrumAppetite, worth) * (1 + (ctx.rng.next() - 0.5) * skill.noise));
    if (bid > left * 0.85) continue;
    bids[l.id] = Math.ceil(bid);
    left -= bids[l.id]!;
  }
  if (Object.keys(bids).length > 0) orders.spectrumBids = bids;

  const licensed = held.length > 0 || Object.keys(bids).length > 0;
  if (licensed) {
    const afterDecay = me.satellitesDetail.satellites * (1 - s.decayPerQuarter);
    // While closing, keep just enough satellites for the milestone's coverage.
    const missing = Math.max(0, (closing ? HOLD_FLEET : FLEET_TARGET) - afterDecay);
    const launches = Math.min(s.maxLaunchesPerQuarter, Math.ceil(missing / s.satellitesPerLaunch), Math.floor(left / s.launchCostM));
    if (launches > 0) {
      orders.launches = launches;
      left -= launches * s.launchCostM;
    }
    const adopting = closing ? me.tech.phoneAdoption < 0.27 : me.tech.phoneAdoption < ADOPTION_TARGET || !skill.stopsResearchAtTarget;
    if (quarter >= s.adoptionStartQuarter - 1 && adopting && left > 0) orders.phonePartnerships = wholeM(jitter(ctx, left * 0.5));
  }
  orders.subscriptionPriceUsd = skill.pricesWell ? 7.5 : Math.round(jitter(ctx, s.defaultPriceUsd) * 100) / 100;
}
