import type { GameState, Seat } from '../../shared/domain/state';
import type { LineId } from '../../shared/scenario/types';
import type { MatchState } from '../../shared/wire/state';
import type { Scenario } from '../../shared/scenario/types';
import type { MatchView, PrivatePlayer, PublicPlayer } from '../../shared/views/viewFor';

type Row = MatchState['players'][number];
const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

function publicRow(row: Row): PublicPlayer {
  const loop = (l: LineId) => ({ strength: row.loops[l].strength, streak: row.loops[l].streak, closedQuarter: orNull(row.loops[l].closedQuarter) });
  return {
    seat: row.seat,
    name: row.name,
    kind: row.kind,
    locked: row.locked,
    valuation: row.valuation,
    loopsClosed: row.loopsClosed,
    loops: { robotaxi: loop('robotaxi'), robots: loop('robots'), satellites: loop('satellites') },
    chipGeneration: row.chipGeneration,
    permits: row.permits.toArray(),
    licenses: row.licenses.toArray(),
    cars: row.cars,
    robotsDeployed: row.robotsDeployed,
    satellites: row.satellites,
  };
}

/**
 * A seat's MatchView rebuilt from what its client received (public rows, its own private books,
 * the scenario and market JSON), so a bot over the wire decides from exactly what a player sees.
 */
export function viewFromRoom(ms: MatchState, seat: number, scenario: Scenario): MatchView | null {
  const mine = ms.players.at(seat);
  const own = mine?.own;
  if (!mine || !own?.books || !own.orders) return null;
  const books = own.books.toJSON();
  const loop = (l: LineId) => ({ ...books.loops[l], closedQuarter: orNull(books.loops[l].closedQuarter) });
  const players: PublicPlayer[] = [];
  const seats: Seat[] = [];
  for (let i = 0; i < ms.players.length; i++) {
    const row = ms.players.at(i)!;
    players.push(publicRow(row));
    seats.push({ index: i, name: row.name, kind: row.kind });
  }
  const me: PrivatePlayer = {
    ...players[seat]!,
    cash: own.cash,
    debt: own.debt,
    orders: own.orders.toJSON(),
    tech: { ...books.tech, pendingGeneration: books.tech.pendingGeneration ?? null },
    chips: books.chips,
    robotaxi: books.robotaxi,
    robots: books.robots,
    satellitesDetail: books.satellites,
    flows: books.flows,
    loopDetail: { robotaxi: loop('robotaxi'), robots: loop('robots'), satellites: loop('satellites') },
  };
  const permits = Object.fromEntries([...ms.permits.entries()].map(([city, p]) => [city, p.holders.toArray()]));
  const licenses = Object.fromEntries(
    [...ms.licenses.entries()].map(([id, l]) => [id, { holder: orNull(l.holder), pricePaid: l.pricePaid, auctionQuarter: orNull(l.auctionQuarter) }]),
  );
  return {
    matchId: ms.matchId,
    viewer: { role: 'player', seat },
    status: ms.status,
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
    permits,
    licenses,
    news: [...ms.news].map((headline) => ({ headline }) as GameState['news'][number]),
    activeShocks: [],
    queuedShocks: null,
    result: null,
    seed: null,
  };
}
