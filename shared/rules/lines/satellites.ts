import { saturate } from '../../math/detMath';
import type { PlayerState } from '../../domain/state';
import type { Scenario } from '../../scenario/types';

// License ids by region, once per scenario (scenarios are frozen, so the table never goes stale).
const licensesByRegion = new WeakMap<Scenario, Map<string, string[]>>();
function regionLicenses(sc: Scenario, regionId: string): string[] {
  let table = licensesByRegion.get(sc);
  if (!table) {
    table = new Map();
    for (const l of sc.satellites.licenses) table.set(l.region, [...(table.get(l.region) ?? []), l.id]);
    licensesByRegion.set(sc, table);
  }
  return table.get(regionId) ?? [];
}

/** What coverage reads of a player: its fleet and its licenses. */
export interface SatelliteHolding {
  satellites: { satellites: number; licenses: readonly string[] };
}

/** Coverage in a region = min(1, satellites/400) × (0.7 for one band, 1.0 for both); 0 without a license. */
export function regionCoverage(p: SatelliteHolding, regionId: string, sc: Scenario): number {
  const s = sc.satellites;
  const held = p.satellites.licenses;
  if (held.length === 0) return 0;
  let bands = 0;
  for (const id of regionLicenses(sc, regionId)) if (held.includes(id)) bands++;
  if (bands === 0) return 0;
  const fleet = Math.min(1, p.satellites.satellites / s.satellitesForFullCoverage);
  return fleet * (bands >= 2 ? 1 : s.oneBandFactor);
}

/** Coverage over all regions, weighted by phone users: how far the network reaches. */
export function globalCoverage(p: PlayerState, sc: Scenario): number {
  if (p.satellites.licenses.length === 0) return 0;
  let users = 0;
  let covered = 0;
  for (const r of sc.satellites.regions) {
    users += r.usersM;
    covered += r.usersM * regionCoverage(p, r.id, sc);
  }
  return users > 0 ? covered / users : 0;
}

/** Network synergy: up to +10% utilisation for cars and robots, in proportion to reach. */
export function networkSynergy(p: PlayerState, sc: Scenario): number {
  return sc.satellites.synergyMax * globalCoverage(p, sc);
}

/** ΔP = (1−P)·(1 − e^(−(200 + phonePartnerships)/12,000)) */
export function adoptionAfter(pAdoption: number, partnershipsM: number, sc: Scenario): number {
  const s = sc.satellites;
  return pAdoption + (1 - pAdoption) * saturate((s.adoptionBaseM + partnershipsM) / s.adoptionScaleM);
}
