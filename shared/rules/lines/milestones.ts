import type { PlayerState } from '../../domain/state';
import type { LineId, Scenario } from '../../scenario/types';
import { regionCoverage } from './satellites';

/** Whether each line meets its GAME.md milestone right now (the flows hold this quarter's output). */
export function milestones(p: PlayerState, sc: Scenario): Record<LineId, boolean> {
  const t = sc.robotaxi.milestone;
  const r = sc.robots.milestone;
  const s = sc.satellites.milestone;
  const coveredRegions = sc.satellites.regions.filter((region) => regionCoverage(p, region.id, sc) >= s.coverage).length;
  return {
    robotaxi: p.tech.autonomy >= t.autonomy && p.robotaxi.permits.length >= t.cities,
    robots:
      p.tech.dexterity >= r.dexterity &&
      p.robots.plants > 0 &&
      p.flows.actuatorsMade >= p.flows.actuatorsUsed &&
      p.robots.deployed >= r.deployed,
    satellites: coveredRegions >= s.regions && p.tech.phoneAdoption >= s.adoption,
  };
}
