import type { Scenario } from '../../../shared/scenario/types';
import type { MessageKey } from './en';
import { seatName, t, tf } from './i18n';

/** Catalog text for a key built from a scenario id, if the catalog has one. */
const known = (key: string): string | undefined => t(key as MessageKey) as string | undefined;

/** A region by its name in the reader's language (the scenario's own name when the catalog has none). */
export function regionName(scenario: Scenario, id: string): string {
  return known(`region_${id}`) ?? scenario.satellites.regions.find((r) => r.id === id)?.name ?? id;
}

/** A spectrum license as players say it: its region and band ("Europe · L band"), not its id. */
export function licenseName(scenario: Scenario, id: string): string {
  const license = scenario.satellites.licenses.find((l) => l.id === id);
  return license ? `${regionName(scenario, license.region)} · ${t(license.band === 'L' ? 'bandL' : 'bandS')}` : id;
}

/**
 * A shock's headline in the reader's language. The engine records the deck's English headline,
 * with the city it struck or the license it put up for sale; the catalog words each effect, with
 * the card's own numbers. A card the catalog does not know keeps its headline.
 */
export function headline(scenario: Scenario, cardId: string, recorded: string): string {
  const card = scenario.shocks.deck.find((c) => c.id === cardId);
  if (!card) return recorded;
  const e = card.effect;
  const pct = (f: number) => Math.round(Math.abs(f - 1) * 100);
  const base =
    e.kind === 'foundrySupply' ? tf('news_foundrySupply', { pct: pct(e.factor) })
    : e.kind === 'actuatorCost' ? tf('news_actuatorCost', { pct: pct(e.factor), n: card.durationQuarters })
    : e.kind === 'cityPause' ? t('news_cityPause')
    : e.kind === 'launchFailure' ? tf('news_launchFailure', { n: e.launchesLost })
    : e.kind === 'aiBreakthrough' ? tf('news_aiBreakthrough', { n: e.capabilityGain })
    : e.kind === 'phoneDelay' ? t('news_phoneDelay')
    : e.kind === 'spectrumSale' ? t('news_spectrumSale')
    : null;
  if (base === null || !recorded.startsWith(card.headline)) return recorded;
  // What the engine added: "(City)" or ": license-id, next quarter".
  const rest = recorded.slice(card.headline.length);
  const license = /^: ([\w-]+), next quarter$/.exec(rest);
  return license ? `${base}: ${tf('news_nextQuarter', { license: licenseName(scenario, license[1]!) })}` : `${base}${rest}`;
}

/** Every name a quarter's report uses: seats, cities, regions and licenses. */
export function placeNames(scenario: Scenario, seats: readonly string[]) {
  const cities = new Map(scenario.robotaxi.cities.map((c) => [c.id, c]));
  return {
    seats: seats.map(seatName),
    city: (id: string) => cities.get(id)?.name ?? id,
    cityAutonomy: (id: string) => cities.get(id)?.minAutonomy ?? 0,
    region: (id: string) => regionName(scenario, id),
    license: (id: string) => licenseName(scenario, id),
    headline: (cardId: string, recorded: string) => headline(scenario, cardId, recorded),
  };
}
