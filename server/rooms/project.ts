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

// The engine never changes a state it has handed out (evolveAll makes a new one per command and
// keeps the parts it did not touch), so each text is built once per version of what it shows, not
// again for every seat on every command (a sheet changes only the orders, a lock none of the three).
const loopsJsonCache = new WeakMap<PlayerState['loops'], string>();
const ordersJsonCache = new WeakMap<PlayerState['orders'], string>();
const newsCache = new WeakMap<GameState['news'], string[]>();
const booksJsonCache = new WeakMap<object, PartsText>();
const marketJsonCache = new WeakMap<object, PartsText>();

function cached<K extends object, V>(cache: WeakMap<K, V>, key: K, build: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

// A text built from several parts, kept under the first (an object): rebuilt when any part changed.
interface PartsText {
  parts: readonly unknown[];
  json: string;
}

function cachedByParts(cache: WeakMap<object, PartsText>, parts: readonly [object, ...unknown[]], build: () => string): string {
  const hit = cache.get(parts[0]);
  if (hit && hit.parts.every((part, i) => part === parts[i])) return hit.json;
  const json = build();
  cache.set(parts[0], { parts, json });
  return json;
}

function loopsJson(p: PlayerState): string {
  const l = p.loops;
  return cached(loopsJsonCache, l, () =>
    JSON.stringify({
      robotaxi: { strength: l.robotaxi.strength, streak: l.robotaxi.streak, closed: l.robotaxi.closedQuarter },
      robots: { strength: l.robots.strength, streak: l.robots.streak, closed: l.robots.closedQuarter },
      satellites: { strength: l.satellites.strength, streak: l.satellites.streak, closed: l.satellites.closedQuarter },
    }),
  );
}

function booksJson(p: PlayerState): string {
  return cachedByParts(booksJsonCache, [p.flows, p.tech, p.chips, p.robotaxi, p.robots, p.satellites, p.loops], () =>
    JSON.stringify({ tech: p.tech, chips: p.chips, robotaxi: p.robotaxi, robots: p.robots, satellites: p.satellites, flows: p.flows, loops: p.loops }),
  );
}

// What a seat's row was last projected from: a row whose player, seat and connection are the
// same objects and flags as then (and no new report) is left alone, so a command that changed one
// player does not walk the other rows' fields.
interface RowSource {
  player: PlayerState | undefined;
  seat: GameState['seats'][number];
  connected: boolean;
  autopilot: boolean;
}
const rowSources = new WeakMap<SeatState, RowSource>();

function marketJson(state: GameState): string {
  return cachedByParts(marketJsonCache, [state.permits, state.licenses], () => JSON.stringify({ permits: state.permits, licenses: state.licenses }));
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
  ms.joiningClosed = state.joiningClosed;
  ms.deadline = facts.deadline;
  ms.seq = facts.seq;
  ms.foundryPriceUsd = state.foundry?.clearingPriceUsd ?? 0;
  if (!ms.scenarioJson) ms.scenarioJson = JSON.stringify(state.scenario);
  ms.marketJson = marketJson(state);
  setArray(ms.news, cached(newsCache, state.news, () => state.news.map((n) => n.headline)));
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
    const connected = facts.connected.has(i);
    const autopilot = facts.autopilot.has(i);
    const last = rowSources.get(row);
    if (!quarterFacts && last && last.player === p && last.seat === seat && last.connected === connected && last.autopilot === autopilot) return;
    rowSources.set(row, { player: p, seat, connected, autopilot });
    row.seat = i;
    row.name = seat.name;
    row.kind = seat.kind;
    row.strategy = seat.bot?.strategy ?? '';
    row.difficulty = seat.bot?.difficulty ?? '';
    row.connected = connected;
    row.autopilot = autopilot;
    if (!p) return;
    row.locked = p.locked;
    row.valuation = p.valuation;
    row.loopsClosed = loopsClosed(p);
    row.loopsJson = loopsJson(p);
    row.chipGeneration = state.scenario.chips.generations[p.tech.chipGeneration]!.id;
    row.cars = p.robotaxi.cars;
    row.robotsDeployed = p.robots.deployed;
    row.satellites = Math.round(p.satellites.satellites);
    setArray(row.permits, p.robotaxi.permits);
    setArray(row.licenses, p.satellites.licenses);
    row.cash = p.cash;
    row.debt = p.debt;
    row.ordersJson = cached(ordersJsonCache, p.orders, () => JSON.stringify(p.orders));
    row.booksJson = booksJson(p);
    if (quarterFacts) row.reportJson = JSON.stringify(seatReport(i, quarterFacts));
  });
}
