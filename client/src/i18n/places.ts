import type { Scenario } from '../../../shared/scenario/types';
import type { MessageKey } from './en';
import { seatName, t } from './i18n';

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

/** Every name a quarter's report uses: seats, cities, regions and licenses. */
export function placeNames(scenario: Scenario, seats: readonly string[]) {
  const cities = new Map(scenario.robotaxi.cities.map((c) => [c.id, c.name]));
  return {
    seats: seats.map(seatName),
    city: (id: string) => cities.get(id) ?? id,
    region: (id: string) => regionName(scenario, id),
    license: (id: string) => licenseName(scenario, id),
  };
}
