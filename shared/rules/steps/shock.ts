import type { ShockCard } from '../../scenario/types';
import type { StepContext } from './context';
import { capabilitiesAfterBreakthrough } from './research';

/**
 * Expired shocks leave; shocks a facilitator injected during planning strike; then, if the
 * scenario allows, the news deck is drawn with the generator at the scenario's rate.
 */
export function shockStep(ctx: StepContext): void {
  const { state, quarter, rng, emit } = ctx;
  const sc = state.scenario;
  const expired = new Set(state.shocks.active.filter((a) => a.untilQuarter < quarter).map((a) => a.cardId));
  for (const cardId of expired) emit({ type: 'ShockExpired', data: { quarter, cardId } });

  for (const injected of [...state.shocks.injected]) {
    const card = sc.shocks.deck.find((c) => c.id === injected.cardId);
    if (card) strike(ctx, card, true, injected.cityId);
  }
  if (sc.shocks.enabled && sc.shocks.deck.length > 0 && quarter >= sc.shocks.firstQuarter && rng.chance(sc.shocks.chancePerQuarter)) {
    strike(ctx, rng.weighted(sc.shocks.deck, (c) => c.weight), false);
  }
}

function strike({ state, quarter, rng, emit }: StepContext, card: ShockCard, injected: boolean, cityId?: string): void {
  const sc = state.scenario;
  const data = {
    quarter,
    cardId: card.id,
    headline: card.headline,
    effect: card.effect,
    untilQuarter: quarter + card.durationQuarters - 1,
    injected,
  };
  if (card.effect.kind === 'cityPause') {
    const city = cityId ?? sc.robotaxi.cities[rng.int(sc.robotaxi.cities.length)]!.id;
    const name = sc.robotaxi.cities.find((c) => c.id === city)!.name;
    emit({ type: 'ShockDrawn', data: { ...data, headline: `${card.headline} (${name})`, cityId: city } });
    return;
  }
  if (card.effect.kind === 'spectrumSale') {
    // An unsold license that would otherwise wait: it goes on sale next quarter.
    const waiting = sc.satellites.licenses.filter((l) => {
      const ls = state.licenses[l.id]!;
      return ls.holder === null && (ls.auctionQuarter === null || ls.auctionQuarter > quarter + 1);
    });
    if (waiting.length > 0) {
      const license = waiting[rng.int(waiting.length)]!;
      emit({ type: 'ShockDrawn', data: { ...data, headline: `${card.headline}: ${license.id}, next quarter`, licenseId: license.id, offeredIn: quarter + 1 } });
      return;
    }
  }
  if (card.effect.kind === 'aiBreakthrough') {
    emit({ type: 'ShockDrawn', data: { ...data, capabilities: capabilitiesAfterBreakthrough(state.players, card.effect.capabilityGain) } });
    return;
  }
  emit({ type: 'ShockDrawn', data });
}
