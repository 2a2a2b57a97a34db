import type { GameState, Seat } from '../../shared/domain/state';
import type { Scenario } from '../../shared/scenario/types';
import type { MatchView, PrivatePlayer, PublicPlayer } from '../../shared/views/viewFor';

/** The decoded room state as an SDK client holds it (the fields a bot needs). */
export interface RoomStateLike {
  matchId: string;
  status: string;
  paused: boolean;
  quarter: number;
  quarterLabel: string;
  quarters: number;
  winLoops: number;
  planningSeconds: number;
  /** When planning ends, in server wall time (ms); 0 without a timer. */
  deadline: number;
  foundryPriceUsd: number;
  scenarioJson: string;
  marketJson: string;
  news: Iterable<string>;
  players: { length: number; at(i: number): RoomSeatLike | undefined };
}

export interface RoomSeatLike {
  seat: number;
  name: string;
  kind: string;
  locked: boolean;
  valuation: number;
  loopsClosed: number;
  loopsJson: string;
  chipGeneration: string;
  cars: number;
  robotsDeployed: number;
  satellites: number;
  permits: Iterable<string>;
  licenses: Iterable<string>;
  cash: number;
  debt: number;
  ordersJson: string;
  booksJson: string;
}

function publicRow(row: RoomSeatLike): PublicPlayer {
  const loops = JSON.parse(row.loopsJson) as Record<string, { strength: number; streak: number; closed: number | null }>;
  const loop = (l: string) => ({ strength: loops[l]?.strength ?? 0, streak: loops[l]?.streak ?? 0, closedQuarter: loops[l]?.closed ?? null });
  return {
    seat: row.seat,
    name: row.name,
    kind: row.kind as Seat['kind'],
    locked: row.locked,
    valuation: row.valuation,
    loopsClosed: row.loopsClosed,
    loops: { robotaxi: loop('robotaxi'), robots: loop('robots'), satellites: loop('satellites') },
    chipGeneration: row.chipGeneration,
    permits: [...row.permits],
    licenses: [...row.licenses],
    cars: row.cars,
    robotsDeployed: row.robotsDeployed,
    satellites: row.satellites,
  };
}

/**
 * A seat's MatchView rebuilt from what its client received (public rows, its own private books,
 * the scenario and market JSON), so a bot over the wire decides from exactly what a player sees.
 */
export function viewFromRoom(ms: RoomStateLike, seat: number, scenario: Scenario): MatchView | null {
  const mine = ms.players.at(seat);
  if (!mine || mine.booksJson === '{}') return null;
  const books = JSON.parse(mine.booksJson) as Pick<PrivatePlayer, 'tech' | 'chips' | 'robotaxi' | 'robots' | 'flows'> & {
    satellites: PrivatePlayer['satellitesDetail'];
    loops: PrivatePlayer['loopDetail'];
  };
  const players: PublicPlayer[] = [];
  const seats: Seat[] = [];
  for (let i = 0; i < ms.players.length; i++) {
    const row = ms.players.at(i)!;
    players.push(publicRow(row));
    seats.push({ index: i, name: row.name, kind: row.kind as Seat['kind'] });
  }
  const me: PrivatePlayer = {
    ...players[seat]!,
    cash: mine.cash,
    debt: mine.debt,
    orders: JSON.parse(mine.ordersJson),
    tech: books.tech,
    chips: books.chips,
    robotaxi: books.robotaxi,
    robots: books.robots,
    satellitesDetail: books.satellites,
    flows: books.flows,
    loopDetail: books.loops,
  };
  const market = JSON.parse(ms.marketJson) as Pick<GameState, 'permits' | 'licenses'>;
  return {
    matchId: ms.matchId,
    viewer: { role: 'player', seat },
    status: ms.status as GameState['status'],
    paused: ms.paused,
    quarter: ms.quarter,
    quarterLabel: ms.quarterLabel,
    settings: { seats: ms.players.length, winLoops: ms.winLoops, planningSeconds: ms.planningSeconds },
    scenario,
    seats,
    players,
    me,
    everyone: null,
    // Bots read only the last clearing price; the room projects nothing else of the foundry.
    foundry: ms.foundryPriceUsd > 0 ? ({ clearingPriceUsd: ms.foundryPriceUsd } as GameState['foundry']) : null,
    permits: market.permits,
    licenses: market.licenses,
    news: [...ms.news].map((headline) => ({ headline }) as GameState['news'][number]),
    activeShocks: [],
    queuedShocks: null,
    result: null,
    seed: null,
  };
}
