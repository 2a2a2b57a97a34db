import type { RobotSeller } from '../../domain/events';
import { priceRetention, priceWeight } from './shareSplit';

export interface RobotOffer {
  seat: number;
  offered: number;
  dexterity: number;
  priceUsd: number;
  /** Network reach (0–1): only a covered seller reaches the remote-sites market. */
  reach: number;
}

function split(demand: number, weights: number[], offers: readonly RobotOffer[], available: number[], ref: number, el: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return offers.map((o, i) => {
    if (total <= 0) return 0;
    const share = (demand * weights[i]!) / total;
    return Math.floor(Math.min(available[i]!, share * priceRetention(o.priceUsd, ref, el)));
  });
}

/**
 * The shared robot market: demand split among sellers by (X/100)²·price^−1.5, capped by what each
 * has in stock; then the remote-sites market, reachable only through your own network.
 */
export function sellRobots(
  demand: number,
  remoteDemand: number,
  offers: readonly RobotOffer[],
  referencePriceUsd: number,
  elasticity: number,
): RobotSeller[] {
  const base = offers.map((o) => (o.offered > 0 ? (o.dexterity / 100) ** 2 * priceWeight(o.priceUsd, elasticity) : 0));
  const sold = split(demand, base, offers, offers.map((o) => o.offered), referencePriceUsd, elasticity);
  const remoteWeights = base.map((w, i) => w * offers[i]!.reach);
  const left = offers.map((o, i) => o.offered - sold[i]!);
  const remoteSold = split(remoteDemand, remoteWeights, offers, left, referencePriceUsd, elasticity);
  return offers.map((o, i) => ({
    seat: o.seat,
    priceUsd: o.priceUsd,
    offered: o.offered,
    sold: sold[i]!,
    remoteSold: remoteSold[i]!,
    revenue: Math.round((sold[i]! + remoteSold[i]!) * o.priceUsd),
  }));
}
