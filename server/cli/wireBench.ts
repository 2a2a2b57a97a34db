import { Encoder, schema, StateView, t } from '@colyseus/schema';
import type { GameEvent } from '../../shared/domain/events';
import type { GameState } from '../../shared/domain/state';
import type { EventEnvelope } from '../../shared/replay/envelope';
import { evolveAll } from '../../shared/rules/evolve';
import { initialState } from '../../shared/rules/initialState';
import { loopsClosed } from '../../shared/rules/valuation';
import { publicReport, quarterEvents, seatReport } from '../../shared/views/quarterReport';
import { MatchState } from '../../shared/wire/state';
import { project } from '../rooms/project';

// The room state's wire before #17, kept only to measure against: the same public numbers, but
// loops, the market, each seat's sheet, books and report as JSON strings (a changed string is
// sent whole). Each text is built once per version of what it shows, as the room did then.

const LegacySeat = schema(
  {
    seat: t.uint8().default(0),
    locked: t.boolean().default(false),
    valuation: t.number().default(0),
    loopsClosed: t.uint8().default(0),
    loopsJson: t.string().default('{}'),
    cars: t.number().default(0),
    robotsDeployed: t.number().default(0),
    satellites: t.number().default(0),
    cash: t.number().default(0).view(),
    debt: t.number().default(0).view(),
    ordersJson: t.string().default('{}').view(),
    booksJson: t.string().default('{}').view(),
    reportJson: t.string().default('').view(),
  },
  'LegacySeat',
);
const LegacyState = schema(
  { quarter: t.uint8().default(0), status: t.string().default(''), seq: t.number().default(0), reportJson: t.string().default(''), marketJson: t.string().default(''), players: t.array(LegacySeat) },
  'LegacyState',
);
type LegacyState = InstanceType<typeof LegacyState>;

const texts = new WeakMap<object, string>();
const text = (key: object, build: () => unknown) => texts.get(key) ?? (texts.set(key, JSON.stringify(build())), texts.get(key)!);

function legacyProject(ms: LegacyState, state: GameState, seq: number, lastQuarter: readonly GameEvent[] | null): void {
  ms.quarter = state.quarter;
  ms.status = state.status;
  ms.seq = seq;
  ms.marketJson = text(state.licenses, () => ({ permits: state.permits, licenses: state.licenses }));
  const resolved = state.status === 'ended' ? state.quarter : state.quarter - 1;
  const facts = lastQuarter && resolved >= 1 ? quarterEvents(lastQuarter, resolved) : null;
  if (facts) ms.reportJson = JSON.stringify(publicReport(resolved, facts));
  while (ms.players.length < state.players.length) ms.players.push(new LegacySeat());
  state.players.forEach((p, i) => {
    const row = ms.players[i]!;
    Object.assign(row, { seat: i, locked: p.locked, valuation: p.valuation, loopsClosed: loopsClosed(p), cars: p.robotaxi.cars, robotsDeployed: p.robots.deployed });
    row.satellites = Math.round(p.satellites.satellites);
    row.loopsJson = text(p.loops, () => p.loops);
    row.cash = p.cash;
    row.debt = p.debt;
    row.ordersJson = text(p.orders, () => p.orders);
    row.booksJson = text(p.flows, () => ({ tech: p.tech, chips: p.chips, robotaxi: p.robotaxi, robots: p.robots, satellites: p.satellites, flows: p.flows, loops: p.loops }));
    if (facts) row.reportJson = JSON.stringify(seatReport(i, facts));
  });
}

export interface WireCost {
  /** Bytes one player (seat 0) receives per quarter, its first full state left out. */
  bytesPerQuarter: number;
  /** Server CPU per command to project the engine's state and encode the player's patch, µs. */
  usPerCommand: number;
}

/** The same recorded match through both wires, command by command, each timed over `rounds` runs. */
export function wireCosts(groups: GameEvent[][], rounds = 5): { typed: WireCost; strings: WireCost } {
  const run = (typed: boolean): WireCost => {
    let state = initialState() as GameState;
    const ms = typed ? new MatchState() : new LegacyState();
    const encoder = new Encoder(ms);
    const view = new StateView();
    let bytes = 0;
    let ns = 0n;
    let seq = 0;
    let joined = false;
    for (const group of groups) {
      state = evolveAll(state, group);
      seq += group.length;
      const resolved = group.some((e) => e.type === 'QuarterResolved') ? group : null;
      const t0 = process.hrtime.bigint();
      if (typed) project(ms as MatchState, state, { joinCode: 'BENCH', classroom: false, connected: new Set([0]), autopilot: new Set(), deadline: 0 }, resolved as EventEnvelope[] | null);
      else legacyProject(ms as LegacyState, state, seq, resolved);
      const players = (ms as MatchState | LegacyState).players;
      const it = { offset: 0 };
      if (!joined && players.length > 0) {
        view.add(players[0]!);
        encoder.encodeAll(it);
        encoder.encodeAllView(view, it.offset, it);
        joined = true;
      } else if (joined) {
        encoder.encode(it);
        bytes += encoder.encodeView(view, it.offset, it).byteLength;
      }
      encoder.discardChanges();
      ns += process.hrtime.bigint() - t0;
    }
    return { bytesPerQuarter: Math.round(bytes / state.quarter), usPerCommand: Number(ns / BigInt(groups.length)) / 1000 };
  };
  const best = (typed: boolean) => {
    for (let i = 0; i < rounds; i++) run(typed); // warm up
    const runs = Array.from({ length: rounds }, () => run(typed)).sort((a, b) => a.usPerCommand - b.usPerCommand);
    const median = runs[Math.floor(rounds / 2)]!;
    return { bytesPerQuarter: median.bytesPerQuarter, usPerCommand: Math.round(median.usPerCommand * 10) / 10 };
  };
  return { typed: best(true), strings: best(false) };
}
