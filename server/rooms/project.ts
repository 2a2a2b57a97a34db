import type { EventEnvelope } from '../../shared/replay/envelope';
import type { GameState, PlayerState } from '../../shared/domain/state';
import { quarterLabel } from '../../shared/rules/calendar';
import { loopsClosed } from '../../shared/rules/valuation';
import { publicReport, quarterEvents, seatReport } from '../../shared/views/quarterReport';
import { MatchState, SeatState } from './matchSchema';

export interface RoomFacts {
  joinCode: string;
  classroom: boolean;
  connected: ReadonlySet<number>;
  autopilot: ReadonlySet<number>;
  deadline: number;
  seq: number;
}

function setArray(target: { length: number; clear(): void; push(...v: string[]): number; at(i: number): string | undefined }, values: readonly string[]): void {
  const same = target.length === values.length && values.every((v, i) => target.at(i) === v);
  if (same) return;
  target.clear();
  target.push(...values);
}

interface SeatJson {
  loopsJson: string;
  ordersJson: string;
  booksJson: string;
}

// The engine's state is immutable (immer): a player object that did not change keeps its identity,
// so its JSON is built once, not again for every seat on every command.
const seatJsonCache = new WeakMap<PlayerState, SeatJson>();
const marketJsonCache = new WeakMap<GameState['permits'], { licenses: GameState['licenses']; json: string }>();

function seatJson(p: PlayerState): SeatJson {
  let cached = seatJsonCache.get(p);
  if (!cached) {
    cached = {
      loopsJson: JSON.stringify({
        robotaxi: { strength: p.loops.robotaxi.strength, streak: p.loops.robotaxi.streak, closed: p.loops.robotaxi.closedQuarter },
        robots: { strength: p.loops.robots.strength, streak: p.loops.robots.streak, closed: p.loops.robots.closedQuarter },
        satellites: { strength: p.loops.satellites.strength, streak: p.loops.satellites.streak, closed: p.loops.satellites.closedQuarter },
      }),
      ordersJson: JSON.stringify(p.orders),
      booksJson: JSON.stringify({ tech: p.tech, chips: p.chips, robotaxi: p.robotaxi, robots: p.robots, satellites: p.satellites, flows: p.flows, loops: p.loops }),
    };
    seatJsonCache.set(p, cached);
  }
  return cached;
}

function marketJson(state: GameState): string {
  const cached = marketJsonCache.get(state.permits);
  if (cached && cached.licenses === state.licenses) return cached.json;
  const json = JSON.stringify({ permits: state.permits, licenses: state.licenses });
  marketJsonCache.set(state.permits, { licenses: state.licenses, json });
  return json;
}

/**
 * Copies what clients may see from the engine's state into the schema. Assigning an unchanged
 * value sends nothing, so a quarter's delta holds only what moved.
 */
export function project(ms: MatchState, state: GameState, facts: RoomFacts, lastQuarter: readonly EventEnvelope[] | null): void {
  ms.matchId = state.matchId;
  ms.joinCode = facts.joinCode;
  ms.classroom = facts.classroom;
  ms.status = state.status;
  ms.paused = state.paused;
  ms.quarter = state.quarter;
  ms.quarterLabel = state.quarter > 0 ? quarterLabel(state.scenario, state.quarter) : '';
  ms.quarters = state.scenario.quarters;
  ms.winLoops = state.settings.winLoops;
  ms.planningSeconds = state.settings.planningSeconds;
  ms.spectatorDelay = state.settings.spectatorDelay ?? 0;
  ms.deadline = facts.deadline;
  ms.seq = facts.seq;
  ms.foundryPriceUsd = state.foundry?.clearingPriceUsd ?? 0;
  if (!ms.scenarioJson) ms.scenarioJson = JSON.stringify(state.scenario);
  ms.marketJson = marketJson(state);
  setArray(ms.news, state.news.map((n) => n.headline));
  ms.winner = state.result?.winner ?? -1;
  if (state.result && ms.ranking.length === 0) ms.ranking.push(...state.result.ranking);

  // Reports change only when a quarter resolves: `lastQuarter` holds that quarter's events then.
  const resolved = state.status === 'ended' ? state.quarter : state.quarter - 1;
  const seats = state.seats.length;
  const quarterFacts = lastQuarter && resolved >= 1 ? quarterEvents(lastQuarter, resolved) : null;
  if (quarterFacts) ms.reportJson = JSON.stringify(publicReport(resolved, quarterFacts));

  while (ms.players.length < seats) ms.players.push(new SeatState());
  state.seats.forEach((seat, i) => {
    const row = ms.players[i]!;
    const p = state.players[i];
    row.seat = i;
    row.name = seat.name;
    row.kind = seat.kind;
    row.strategy = seat.bot?.strategy ?? '';
    row.connected = facts.connected.has(i);
    row.autopilot = facts.autopilot.has(i);
    if (!p) return;
    row.locked = p.locked;
    row.valuation = p.valuation;
    row.loopsClosed = loopsClosed(p);
    const json = seatJson(p);
    row.loopsJson = json.loopsJson;
    row.chipGeneration = state.scenario.chips.generations[p.tech.chipGeneration]!.id;
    row.cars = p.robotaxi.cars;
    row.robotsDeployed = p.robots.deployed;
    row.satellites = Math.round(p.satellites.satellites);
    setArray(row.permits, p.robotaxi.permits);
    setArray(row.licenses, p.satellites.licenses);
    row.cash = p.cash;
    row.debt = p.debt;
    row.ordersJson = json.ordersJson;
    row.booksJson = json.booksJson;
    if (quarterFacts) row.reportJson = JSON.stringify(seatReport(i, quarterFacts));
  });
}
