import { clearFoundry, foundrySupply } from '../markets/foundryAuction';
import { clearSpectrum } from '../markets/spectrumAuction';
import { shockFactor } from '../effects';
import { licensesForSale } from '../spectrumSchedule';
import type { StepContext } from './context';

/** Quarters an unsold license waits before it is offered again. */
const REOFFER_AFTER = 4;

export function foundryStep({ state, quarter, emit }: StepContext): void {
  const sc = state.scenario;
  const seats = sc.foundry.seatsForSupply === undefined ? 1 : state.players.length / sc.foundry.seatsForSupply;
  const supply = Math.round(
    foundrySupply(sc.foundry.supplyQ1, sc.foundry.growthPerQuarter, quarter) * seats * shockFactor(state, 'foundrySupply', quarter),
  );
  const bids = state.players
    .filter((p) => p.orders.foundryBid)
    .map((p) => ({ seat: p.seat, chips: p.orders.foundryBid!.chips, maxPriceUsd: p.orders.foundryBid!.maxPriceUsd }));
  const result = clearFoundry(supply, bids, sc.foundry.reserveUsd);
  emit({ type: 'FoundryAuctionCleared', data: { quarter, supply, ...result } });
}

/** Every license on sale this quarter, in scenario order, each its own sealed-bid auction. */
export function spectrumStep({ state, quarter, rng, emit }: StepContext): void {
  for (const license of licensesForSale(state)) {
    const bids = state.players
      .map((p) => ({ seat: p.seat, amountM: p.orders.spectrumBids?.[license.id] ?? 0 }))
      .filter((b) => b.amountM > 0);
    const { winner, price } = clearSpectrum(bids, license.reserveM, rng);
    const next = quarter + REOFFER_AFTER;
    emit({
      type: 'SpectrumAuctionCleared',
      data: {
        quarter,
        licenseId: license.id,
        bids,
        winner,
        price,
        reofferedIn: winner === null && next <= state.scenario.quarters ? next : null,
      },
    });
  }
}
