import type { PlayerState, TechState } from '../../domain/state';
import { perLine, type LineId, type Scenario } from '../../scenario/types';
import { regionCoverage, type SatelliteHolding } from './satellites';

/** One condition of a line's milestone: what the player has, what it needs, and whether that is enough. */
export interface MilestoneCheck {
  key: 'autonomy' | 'cities' | 'dexterity' | 'actuatorSupply' | 'deployed' | 'regions' | 'adoption';
  have: number;
  need: number;
  ok: boolean;
}

/** What the milestones read of a player: their own books (the flows hold the last resolved quarter's output). */
export interface MilestoneInput extends SatelliteHolding {
  tech: Pick<TechState, 'autonomy' | 'dexterity' | 'phoneAdoption'>;
  robotaxi: { permits: readonly string[] };
  robots: { plants: number; deployed: number };
  flows: { actuatorsMade: number; actuatorsUsed: number };
}

const check = (key: MilestoneCheck['key'], have: number, need: number, ok = have >= need): MilestoneCheck => ({ key, have, need, ok });

/** Each line's GAME.md milestone, condition by condition (the checklist players read, the rule the engine applies). */
export function milestoneChecks(p: MilestoneInput, sc: Scenario): Record<LineId, MilestoneCheck[]> {
  const t = sc.robotaxi.milestone;
  const r = sc.robots.milestone;
  const s = sc.satellites.milestone;
  const coveredRegions = sc.satellites.regions.filter((region) => regionCoverage(p, region.id, sc) >= s.coverage).length;
  const capacity = p.robots.plants * sc.robots.plantCapacityPerQuarter;
  return {
    robotaxi: [check('autonomy', p.tech.autonomy, t.autonomy), check('cities', p.robotaxi.permits.length, t.cities)],
    robots: [
      check('dexterity', p.tech.dexterity, r.dexterity),
      // Own supply: plants online that can make at least the actuators this quarter's robots used
      // (robots built from the player's own stock count; the plants only make what the stock lacks).
      check('actuatorSupply', capacity, p.flows.actuatorsUsed, p.robots.plants > 0 && capacity >= p.flows.actuatorsUsed),
      check('deployed', p.robots.deployed, r.deployed),
    ],
    satellites: [check('regions', coveredRegions, s.regions), check('adoption', p.tech.phoneAdoption, s.adoption)],
  };
}

/** Whether each line meets its GAME.md milestone right now (the flows hold this quarter's output). */
export function milestones(p: PlayerState, sc: Scenario): Record<LineId, boolean> {
  const checks = milestoneChecks(p, sc);
  return perLine((line) => checks[line].every((c) => c.ok));
}
