import type { Scenario } from '../../../shared/scenario/types';
import type { PublicReport } from '../../../shared/views/quarterReport';

// The world map's geography: an equirectangular crop from 160°W to 150°E and 72°N to 45°S, which
// keeps the Pacific off California (room for the West Coast's cities) and drops the poles.
const WEST = -160;
const EAST = 150;
const NORTH = 72;
const SOUTH = -45;

/** A place (longitude, latitude) on the map, in 0..1 on both axes. */
export function project(lon: number, lat: number): { x: number; y: number } {
  return { x: (lon - WEST) / (EAST - WEST), y: (NORTH - lat) / (NORTH - SOUTH) };
}

// Where each city sits (longitude, latitude), for the default scenario's cities. A city the table
// does not know is placed on a row at the bottom instead.
const CITIES: Record<string, [number, number]> = {
  austin: [-97.7, 30.3],
  phoenix: [-112.1, 33.4],
  dubai: [55.3, 25.2],
  'san-francisco': [-122.4, 37.8],
  berlin: [13.4, 52.5],
  shanghai: [121.5, 31.2],
};

// Where a city's card goes when it cannot sit right beside its city: the three American cities
// are a few pixels apart, so their cards move out over the oceans.
const CARDS: Record<string, [number, number]> = {
  'san-francisco': [-137, 19],
  phoenix: [-137, -3],
  austin: [-69, 33],
};

/** Where a city is drawn, in 0..1 on both axes. */
export function mapPosition(cityId: string, index: number, count: number): { x: number; y: number } {
  const place = CITIES[cityId];
  return place ? project(place[0], place[1]) : { x: (index + 0.5) / count, y: 0.96 };
}

/** Where a city's card is centred, when the table says (0..1), or null: next to the city. */
export function cardPosition(cityId: string): { x: number; y: number } | null {
  const at = CARDS[cityId];
  return at ? project(at[0], at[1]) : null;
}

// Each spectrum region's label spot and the longitudes its satellites' footprints sweep over, at
// the latitude they cross. A region the table does not know gets a spot on the bottom row.
const REGIONS: Record<string, { at: [number, number]; sweep: [number, number, number] }> = {
  'north-america': { at: [-108, 60], sweep: [-122, -75, 42] },
  europe: { at: [-8, 62], sweep: [-5, 30, 50] },
  'latin-america': { at: [-62, -6], sweep: [-75, -42, -12] },
  africa: { at: [22, 8], sweep: [-10, 40, 6] },
  'asia-pacific': { at: [100, 56], sweep: [75, 140, 30] },
};

/** A company's robotaxis in a city where it holds a permit: its fleet spread over its cities. */
export interface Fleet {
  seat: number;
  cars: number;
}
/** What a city's riders did last quarter: the demand, and each operator's rides and price. */
export interface CityRides {
  demand: number;
  paused: boolean;
  served: Array<{ seat: number; served: number; priceUsd: number }>;
}
/** A company's satellites over a region where it holds a band, and last quarter's subscribers there. */
export interface Footprint {
  seat: number;
  satellites: number;
  subscribers: number | null;
  coverage: number | null;
}
export interface RegionSpot {
  id: string;
  name: string;
  /** The label's spot, and the footprints' sweep (from x0 to x1 at y), all 0..1. */
  x: number;
  y: number;
  sweep: { x0: number; x1: number; y: number };
  footprints: Footprint[];
}

/** What the map needs of each seat row: public counts only. */
interface SeatFacts {
  seat: number;
  cars: number;
  satellites: number;
  permits: readonly string[];
  licenses: readonly string[];
}
export type MapReport = Pick<PublicReport, 'rides' | 'subscribers'>;

/** Each city's fleets (a company's cars spread evenly over the cities it holds permits in) and rides. */
export function cityFleets(cityId: string, holders: readonly number[], seats: readonly SeatFacts[], report: MapReport | null): { fleets: Fleet[]; rides: CityRides | null } {
  const fleets = holders.map((seat) => {
    const s = seats.find((p) => p.seat === seat);
    return { seat, cars: s && s.permits.length > 0 ? Math.floor(s.cars / s.permits.length) : 0 };
  });
  const r = report?.rides.find((c) => c.cityId === cityId);
  return { fleets, rides: r ? { demand: r.demand, paused: r.paused, served: r.shares.map((s) => ({ seat: s.seat, served: s.served, priceUsd: s.priceUsd })) } : null };
}

/** Each region's spot on the map and the footprints of the companies that hold a band there and fly satellites. */
export function regionSpots(scenario: Scenario, seats: readonly SeatFacts[], report: MapReport | null, name: (id: string) => string): RegionSpot[] {
  return scenario.satellites.regions.map((region, i, all) => {
    const known = REGIONS[region.id];
    const at = known ? project(known.at[0], known.at[1]) : { x: (i + 0.5) / all.length, y: 0.9 };
    const [x0, x1, lat] = known?.sweep ?? [0, 0, 0];
    const sweep = known ? { x0: project(x0, lat).x, x1: project(x1, lat).x, y: project(x0, lat).y } : { x0: at.x, x1: at.x, y: at.y };
    const inRegion = new Set(scenario.satellites.licenses.filter((l) => l.region === region.id).map((l) => l.id));
    const shares = report?.subscribers.find((r) => r.regionId === region.id)?.shares ?? [];
    const footprints = seats
      .filter((s) => s.satellites > 0 && s.licenses.some((id) => inRegion.has(id)))
      .map((s) => {
        const share = shares.find((x) => x.seat === s.seat);
        return { seat: s.seat, satellites: s.satellites, subscribers: share?.subscribers ?? null, coverage: share?.coverage ?? null };
      });
    return { id: region.id, name: name(region.id), ...at, sweep, footprints };
  });
}

/** Cars drawn for a fleet: one for a handful, up to six for a big one (doubling each step). */
export const carsShown = (cars: number) => (cars <= 0 ? 0 : Math.max(1, Math.min(6, Math.round(Math.log2(cars / 25)))));
