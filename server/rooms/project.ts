import type { EventEnvelope } from '../../shared/replay/envelope';
import type { GameState } from '../../shared/domain/state';
import { quarterLabel } from '../../shared/rules/calendar';
import { loopsClosed } from '../../shared/rules/valuation';
import { publicReport, quarterEvents, seatReport } from '../../shared/views/quarterReport';
import { MatchState, OwnState, SeatState } from '../../shared/wire/state';
import { syncFields, syncInto } from './sync';

export interface RoomFacts {
  joinCode: string;
  classroom: boolean;
  connected: ReadonlySet<number>;
  autopilot: ReadonlySet<number>;
  deadline: number;
}

// The market's permits by city, as the schema holds them ({holders}), made once per version.
const permitRows = new WeakMap<GameState['permits'], Record<string, { holders: number[] }>>();
const newsRows = new WeakMap<GameState['news'], string[]>();
/** No ranking before the end: one array, so the sync sees the same one and skips it. */
const NO_RANKING: readonly number[] = [];
const NO_SEATS: readonly number[] = [];

function once<K extends object, V>(cache: WeakMap<K, V>, key: K, build: () => V): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    cache.set(key, value);
  }
  return value;
}

// What a seat's row was last projected from: a row whose player, seat and connection are the
// same objects and flags as then (and no new report) is left alone, so a command that changed one
// player does not walk the other rows' fields.
interface RowSource {
  player: GameState['players'][number] | undefined;
  seat: GameState['seats'][number];
  connected: boolean;
  autopilot: boolean;
}
const rowSources = new WeakMap<SeatState, RowSource>();

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
  ms.chatOff = state.settings.chat === false;
  ms.ranked = state.settings.ranked === true;
  ms.chatMutedAll = state.chatMuted?.all ?? false;
  ms.deadline = facts.deadline;
  ms.foundryPriceUsd = state.foundry?.clearingPriceUsd ?? 0;
  if (!ms.scenarioJson) ms.scenarioJson = JSON.stringify(state.scenario);
  syncFields(ms, {
    permits: once(permitRows, state.permits, () => Object.fromEntries(Object.entries(state.permits).map(([city, holders]) => [city, { holders }]))),
    licenses: state.licenses,
    news: once(newsRows, state.news, () => state.news.map((n) => n.headline)),
    ranking: state.result?.ranking ?? NO_RANKING,
    chatMutedSeats: state.chatMuted?.seats ?? NO_SEATS,
  });
  ms.winner = state.result?.winner;

  // Reports change only when a quarter resolves: `lastQuarter` holds that quarter's events then.
  const resolved = state.status === 'ended' ? state.quarter : state.quarter - 1;
  const seats = state.seats.length;
  const quarterFacts = lastQuarter && resolved >= 1 ? quarterEvents(lastQuarter, resolved) : null;
  if (quarterFacts) syncInto(ms.report, publicReport(resolved, quarterFacts));

  // A row's private side exists from the start, so the views that later hold the row hold it too.
  while (ms.players.length < seats) ms.players.push(new SeatState({ own: new OwnState() }));
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
    syncInto(row.loops, p.loops);
    row.chipGeneration = state.scenario.chips.generations[p.tech.chipGeneration]!.id;
    row.cars = p.robotaxi.cars;
    row.robotsDeployed = p.robots.deployed;
    row.satellites = Math.round(p.satellites.satellites);
    syncFields(row, { permits: p.robotaxi.permits, licenses: p.satellites.licenses });
    const own = row.own!;
    own.cash = p.cash;
    own.debt = p.debt;
    syncFields(own, { orders: p.orders, books: p, ...(quarterFacts ? { report: { ...seatReport(i, quarterFacts), quarter: resolved } } : {}) });
  });
}
