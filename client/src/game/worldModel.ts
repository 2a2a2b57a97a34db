import type { ToJSON } from '@colyseus/schema';
import type { RobotsState, TechState } from '../../../shared/domain/state';
import { perLine, type LineId, type Scenario } from '../../../shared/scenario/types';
import type { MatchState, SeatState } from '../../../shared/wire/state';
import { seatName } from '../i18n/i18n';
import { regionName } from '../i18n/places';
import { cityFleets, mapPosition, regionSpots, type CityRides, type Fleet, type MapReport, type RegionSpot } from './mapModel';
import { factoryModel, type FactoriesModel, type FactoryReport } from './factoryModel';

/** A seat's own books, as far as the world draws them (the room row's `own.books`, or a replayed player's). */
interface Books {
  tech?: Pick<TechState, 'capability' | 'autonomy' | 'dexterity' | 'phoneAdoption'>;
  chips?: number;
  robots?: Pick<RobotsState, 'plants' | 'plantsBuilding' | 'lines' | 'linesBuilding' | 'actuators' | 'inventory' | 'deployed'>;
}

/** The room fields the world views read, as plain data (the room state's `toJSON()`, or a replay's). */
export type RoomSeat = Pick<ToJSON<SeatState>, 'seat' | 'name' | 'loops' | 'cars' | 'robotsDeployed' | 'satellites' | 'chipGeneration' | 'permits' | 'licenses'> & { own?: { books?: Books } };
export type RoomLike = Pick<ToJSON<MatchState>, 'quarter' | 'foundryPriceUsd' | 'permits' | 'licenses'> & {
  players: RoomSeat[];
  /** The last resolved quarter's public results (rides, subscribers, the foundry, robot sales); none before the first. */
  report?: (MapReport & FactoryReport) | null;
};

export interface LaneModel {
  strength: number;
  closed: number | null;
  /** Progress towards the line's milestone, 0..1, and the words for it. */
  milestone: number;
  milestoneText: string;
  stat: string;
}
export interface CityModel {
  id: string;
  name: string;
  x: number;
  y: number;
  slots: number;
  holders: number[];
  minAutonomy: number;
  open: boolean;
  /** Each holder's robotaxis here, and last quarter's rides (none before the first quarter). */
  fleets: Fleet[];
  rides: CityRides | null;
}
export interface LicenseModel {
  id: string;
  region: string;
  band: string;
  holder: number | null;
  auctionQuarter: number | null;
}
/** One company in the race: its three loops, as the race view draws them. */
export interface RaceRow {
  seat: number;
  name: string;
  loops: Record<LineId, { strength: number; streak: number; closed: number | null }>;
}
export interface WorldModel {
  quarter: number;
  focusSeat: number;
  names: string[];
  /** Every company's loops, in seat order, and the streak of quarters a loop needs to close. */
  race: RaceRow[];
  streakNeeded: number;
  lanes: Record<LineId, LaneModel>;
  shared: { chipGeneration: string; chips: number | null; capability: number | null; foundryPriceUsd: number };
  cities: CityModel[];
  /** The spectrum regions on the map, with the satellites' footprints over each. */
  regions: RegionSpot[];
  autonomy: number | null;
  orbit: { satellites: number; licenses: LicenseModel[]; regions: Array<{ id: string; name: string }>; adoption: number | null };
  /** Every seat's robot factory and the shared chip foundry. */
  factories: FactoriesModel;
}

export interface WorldWords {
  cars: string;
  robots: string;
  satellites: string;
  autonomy: string;
  dexterity: string;
  cities: string;
  regions: string;
  /** Whole numbers in the chosen locale. */
  count: (n: number) => string;
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

/**
 * Everything the canvas draws, for the seat in focus (the player's own seat, or the first seat
 * for spectators): loop rings, milestone progress, cities with permit holders, licenses in orbit,
 * every seat's factory and the chip foundry. Own books add the private numbers; without them only public numbers are shown.
 */
export function worldModel(room: RoomLike, scenario: Scenario, focusSeat: number, words: WorldWords): WorldModel {
  const seats = room.players;
  const focus = seats[focusSeat] ?? seats[0]!;
  const books: Books = focus.own?.books ?? {};
  const loops = focus.loops;
  const tech = books.tech ?? null;
  const permits = [...focus.permits];
  const licenses = [...focus.licenses];
  const regionsHeld = new Set(licenses.map((id) => scenario.satellites.licenses.find((l) => l.id === id)?.region)).size;
  const taxi = scenario.robotaxi.milestone;
  const robotGoal = scenario.robots.milestone;
  const satGoal = scenario.satellites.milestone;

  const taxiProgress = tech ? Math.min(1, tech.autonomy / taxi.autonomy) * 0.5 + Math.min(1, permits.length / taxi.cities) * 0.5 : Math.min(1, permits.length / taxi.cities);
  const robotProgress = tech
    ? Math.min(1, tech.dexterity / robotGoal.dexterity) * 0.5 + Math.min(1, focus.robotsDeployed / Math.max(1, robotGoal.deployed)) * 0.5
    : Math.min(1, focus.robotsDeployed / Math.max(1, robotGoal.deployed));
  const satProgress = Math.min(1, regionsHeld / satGoal.regions) * (tech ? 0.5 : 1) + (tech ? Math.min(1, tech.phoneAdoption / satGoal.adoption) * 0.5 : 0);
  const lane = (line: LineId, milestone: number, milestoneText: string, stat: string): LaneModel => ({
    strength: loops[line].strength,
    closed: loops[line].closedQuarter ?? null,
    milestone,
    milestoneText,
    stat,
  });

  return {
    quarter: room.quarter,
    focusSeat: focus.seat,
    names: seats.map((s) => seatName(s.name)),
    race: seats.map((s) => ({
      seat: s.seat,
      name: seatName(s.name),
      loops: perLine((l) => ({ strength: s.loops[l].strength, streak: s.loops[l].streak, closed: s.loops[l].closedQuarter ?? null })),
    })),
    streakNeeded: scenario.loop.qualifyingQuarters,
    lanes: {
      robotaxi: lane(
        'robotaxi',
        taxiProgress,
        `${tech ? `${words.autonomy} ${Math.round(tech.autonomy)}/${taxi.autonomy} · ` : ''}${words.cities} ${permits.length}/${taxi.cities}`,
        `${words.count(focus.cars)} ${words.cars}`,
      ),
      robots: lane(
        'robots',
        robotProgress,
        `${tech ? `${words.dexterity} ${Math.round(tech.dexterity)}/${robotGoal.dexterity} · ` : ''}${words.count(focus.robotsDeployed)}/${words.count(robotGoal.deployed)}`,
        `${words.count(focus.robotsDeployed)} ${words.robots}`,
      ),
      satellites: lane(
        'satellites',
        satProgress,
        `${words.regions} ${regionsHeld}/${satGoal.regions}${tech ? ` · ${pct(tech.phoneAdoption)}/${pct(satGoal.adoption)}` : ''}`,
        `${words.count(focus.satellites)} ${words.satellites}`,
      ),
    },
    shared: { chipGeneration: focus.chipGeneration, chips: books.chips ?? null, capability: tech?.capability ?? null, foundryPriceUsd: room.foundryPriceUsd },
    cities: scenario.robotaxi.cities.map((c, i, all) => {
      const holders = room.permits[c.id]?.holders ?? [];
      const open = holders.length < c.permitSlots;
      return { id: c.id, name: c.name, ...mapPosition(c.id, i, all.length), slots: c.permitSlots, holders, minAutonomy: c.minAutonomy, open, ...cityFleets(c.id, holders, seats, room.report ?? null) };
    }),
    regions: regionSpots(scenario, seats, room.report ?? null, (id) => regionName(scenario, id)),
    autonomy: tech?.autonomy ?? null,
    orbit: {
      satellites: focus.satellites,
      licenses: scenario.satellites.licenses.map((l) => ({
        id: l.id,
        region: l.region,
        band: l.band,
        holder: room.licenses[l.id]?.holder ?? null,
        auctionQuarter: room.licenses[l.id]?.auctionQuarter ?? null,
      })),
      regions: scenario.satellites.regions.map((r) => ({ id: r.id, name: regionName(scenario, r.id) })),
      adoption: tech?.phoneAdoption ?? null,
    },
    factories: factoryModel(room, focus.seat, scenario.chips.generations.map((g) => g.id)),
  };
}
