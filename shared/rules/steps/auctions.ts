import { clearFoundry, foundrySupply } from '../markets/foundryAuction';
import type { StepContext } from './context';

export function foundryStep({ state, quarter, emit }: StepContext): void {
  const sc = state.scenario;
  const supply = foundrySupply(sc.foundry.supplyQ1, sc.foundry.growthPerQuarter, quarter);
  const bids = state.players
    .filter((p) => p.orders.foundryBid)
    .map((p) => ({ seat: p.seat, chips: p.orders.foundryBid!.chips, maxPriceUsd: p.orders.foundryBid!.maxPriceUsd }));
  const result = clearFoundry(supply, bids, sc.foundry.reserveUsd);
  emit({ type: 'FoundryAuctionCleared', data: { quarter, supply, ...result } });
}
