import type { Orders } from '../domain/orders';
import type { ActiveShock, GameState, LoopState, PlayerState, Seat } from '../domain/state';
import type { LineId, Scenario } from '../scenario/types';
import { quarterLabel } from '../rules/calendar';
import { loopsClosed } from '../rules/valuation';
import type { Viewer } from './viewer';

/** What everyone may know about a player: results that markets and regulators make public. */
export interface PublicPlayer {
  seat: number;
  name: string;
  kind: Seat['kind'];
  locked: boolean;
  valuation: number;
  loopsClosed: number;
  loops: Record<LineId, Pick<LoopState, 'closedQuarter' | 'strength' | 'streak'>>;
  chipGeneration: string;
  permits: string[];
  licenses: string[];
  cars: number;
  robotsDeployed: number;
  satellites: number;
}

/** A player's own books, or everyone's once the match has ended. */
export interface PrivatePlayer extends PublicPlayer {
  cash: number;
  debt: number;
  orders: Orders;
  tech: PlayerState['tech'];
  chips: number;
  robotaxi: PlayerState['robotaxi'];
  robots: PlayerState['robots'];
  satellitesDetail: PlayerState['satellites'];
  flows: PlayerState['flows'];
  loopDetail: PlayerState['loops'];
}

export interface MatchView {
  matchId: string;
  viewer: Viewer;
  status: GameState['status'];
  paused: boolean;
  quarter: number;
  quarterLabel: string;
  settings: GameState['settings'];
  scenario: Scenario;
  seats: Seat[];
  players: PublicPlayer[];
  /** The viewer's own seat in full (players only). */
  me: PrivatePlayer | null;
  /** Everyone in full: only after the match has ended. */
  everyone: PrivatePlayer[] | null;
  foundry: GameState['foundry'];
  permits: GameState['permits'];
  licenses: GameState['licenses'];
  news: GameState['news'];
  activeShocks: ActiveShock[];
  /** Shocks a facilitator queued for this quarter's resolution (facilitator only). */
  queuedShocks: GameState['shocks']['injected'] | null;
  result: GameState['result'];
  /** The seed, once the match is over (a replay can be re-run from it). */
  seed: string | null;
}

function publicPlayer(state: GameState, p: PlayerState): PublicPlayer {
  const seat = state.seats[p.seat]!;
  const loops = {} as PublicPlayer['loops'];
  for (const line of ['robotaxi', 'robots', 'satellites'] as const) {
    const l = p.loops[line];
    loops[line] = { closedQuarter: l.closedQuarter, strength: l.strength, streak: l.streak };
  }
  return {
    seat: p.seat,
    name: seat.name,
    kind: seat.kind,
    locked: p.locked,
    valuation: p.valuation,
    loopsClosed: loopsClosed(p),
    loops,
    chipGeneration: state.scenario.chips.generations[p.tech.chipGeneration]!.id,
    permits: [...p.robotaxi.permits],
    licenses: [...p.satellites.licenses],
    cars: p.robotaxi.cars,
    robotsDeployed: p.robots.deployed,
    satellites: Math.round(p.satellites.satellites),
  };
}

function privatePlayer(state: GameState, p: PlayerState): PrivatePlayer {
  return Object.assign(publicPlayer(state, p), {
    cash: p.cash,
    debt: p.debt,
    orders: p.orders,
    tech: p.tech,
    chips: p.chips,
    robotaxi: p.robotaxi,
    robots: p.robots,
    satellitesDetail: p.satellites,
    flows: p.flows,
    loopDetail: p.loops,
  });
}

/**
 * The state as one viewer may see it. Nobody sees another player's orders or bids, and nobody
 * sees the generator's state; after the match has ended every player's books are open.
 * A view is read-only and shares structure with the state: send it or read it, never edit it.
 */
export function viewFor(state: GameState, viewer: Viewer): MatchView {
  const ended = state.status === 'ended';
  const mine = viewer.role === 'player' ? state.players[viewer.seat] : undefined;
  return {
    matchId: state.matchId,
    viewer,
    status: state.status,
    paused: state.paused,
    quarter: state.quarter,
    quarterLabel: state.quarter > 0 ? quarterLabel(state.scenario, state.quarter) : '',
    settings: state.settings,
    scenario: state.scenario,
    seats: state.seats,
    players: state.players.map((p) => publicPlayer(state, p)),
    me: mine ? privatePlayer(state, mine) : null,
    everyone: ended ? state.players.map((p) => privatePlayer(state, p)) : null,
    foundry: state.foundry,
    permits: state.permits,
    licenses: state.licenses,
    news: state.news,
    activeShocks: state.shocks.active,
    queuedShocks: viewer.role === 'facilitator' ? state.shocks.injected : null,
    result: state.result,
    seed: ended ? state.seed : null,
  };
}
