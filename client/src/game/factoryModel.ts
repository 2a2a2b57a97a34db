import type { RobotsState } from '../../../shared/domain/state';
import { seatName } from '../i18n/i18n';

/** The parts of the last quarter's public report the factories read (the room's report, or a replay's). */
export interface FactoryReport {
  foundry?: { supply: number; clearingPriceUsd?: number | null; sold: number; chipsWon: ReadonlyArray<{ seat: number; chips: number }> } | null;
  robots?: { shares: ReadonlyArray<{ seat: number; sold: number; remoteSold: number }> } | null;
}

/** A seat's own robot books, as far as the factories draw them. */
export type RobotBooks = Pick<RobotsState, 'plants' | 'plantsBuilding' | 'lines' | 'linesBuilding' | 'actuators' | 'inventory'>;

/** A seat as the factories read it: public numbers, and its books where the room holds them. */
export interface FactorySeat {
  seat: number;
  name: string;
  cars: number;
  robotsDeployed: number;
  chipGeneration: string;
  own?: { books?: { robots?: RobotBooks } };
}

export interface FactoryRow {
  seat: number;
  name: string;
  /** The seat in focus (the reader's own, or the one a replay follows). */
  focus: boolean;
  generation: string;
  /** The generation's place in the scenario's list: a higher one is a tape-out. */
  generationLevel: number;
  /** Public: robots at work in the seat's own plants, and its robotaxi fleet. */
  deployed: number;
  cars: number;
  /** Robots sold last quarter (market and remote sites); null before any robot market cleared. */
  sold: number | null;
  /** Robots walking out of the factory on the canvas (0..MAX_WALKERS): those sold last quarter and those at work. */
  walkers: number;
  /** Private, only where the room holds the seat's books (its own, or all once the match is over). */
  books: { plants: number; plantsBuilding: number; lines: number; linesBuilding: number; actuators: number; inventory: number } | null;
}

export interface FoundryModel {
  supply: number;
  sold: number;
  priceUsd: number | null;
  /** Chips each seat won, in seat order (0 for a seat that won none). */
  won: number[];
}

export interface FactoriesModel {
  rows: FactoryRow[];
  /** Last quarter's chip auction; null before the first one. */
  foundry: FoundryModel | null;
}

export const MAX_WALKERS = 16;

/**
 * How many robots walk a strip for a quarter's robots: a log scale (10 → 1, 100 → 4, 1,000 → 8,
 * 10,000 → 12), capped, so a small seller still shows and a giant does not fill the strip.
 */
export function walkersFor(robots: number): number {
  if (robots <= 0) return 0;
  return Math.min(MAX_WALKERS, Math.max(1, Math.round(4 * Math.log10(robots / 10 + 1))));
}

const sum = (builds: ReadonlyArray<{ count: number }>) => builds.reduce((n, b) => n + b.count, 0);

/** Every seat's robot business and the shared chip foundry, from the room (or a replay) and its last report. */
export function factoryModel(room: { players: readonly FactorySeat[]; report?: FactoryReport | null }, focusSeat: number, generations: readonly string[]): FactoriesModel {
  const robots = room.report?.robots;
  const foundry = room.report?.foundry;
  return {
    rows: room.players.map((s) => {
      const share = robots?.shares.find((r) => r.seat === s.seat);
      const sold = robots ? (share ? share.sold + share.remoteSold : 0) : null;
      const b = s.own?.books?.robots;
      return {
        seat: s.seat,
        name: seatName(s.name),
        focus: s.seat === focusSeat,
        generation: s.chipGeneration,
        generationLevel: generations.indexOf(s.chipGeneration),
        deployed: s.robotsDeployed,
        cars: s.cars,
        sold,
        walkers: walkersFor((sold ?? 0) + s.robotsDeployed),
        books: b
          ? { plants: b.plants, plantsBuilding: sum(b.plantsBuilding), lines: b.lines, linesBuilding: sum(b.linesBuilding), actuators: b.actuators, inventory: b.inventory }
          : null,
      };
    }),
    foundry: foundry
      ? {
          supply: foundry.supply,
          sold: foundry.sold,
          priceUsd: foundry.clearingPriceUsd ?? null,
          won: room.players.map((s) => foundry.chipsWon.filter((w) => w.seat === s.seat).reduce((n, w) => n + w.chips, 0)),
        }
      : null,
  };
}
