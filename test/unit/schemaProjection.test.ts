import { Decoder, Encoder, StateView } from '@colyseus/schema';
import { describe, expect, it } from 'vitest';
import type { GameEvent } from '../../shared/domain/events';
import type { GameState } from '../../shared/domain/state';
import type { EventEnvelope } from '../../shared/replay/envelope';
import { applyEvent } from '../../shared/rules/evolve';
import { initialState } from '../../shared/rules/initialState';
import { runBotMatch } from '../../shared/sim/runBotMatch';
import { clonePlain } from '../../shared/util/clonePlain';
import { publicReport, quarterEvents, seatReport } from '../../shared/views/quarterReport';
import { MatchState } from '../../shared/wire/state';
import { project } from '../../server/rooms/project';
import { worldModel } from '../../client/src/game/worldModel';

const words = { cars: 'cars', robots: 'robots', satellites: 'satellites', autonomy: 'U', dexterity: 'X', cities: 'cities', regions: 'regions', count: (n: number) => String(n) };

// The room's typed state, encoded by the server's encoder and decoded by the client's decoder, for
// a player (seat 0, whose view holds its row) and a spectator (an empty view), after every command
// of a recorded four-bot match.

/** A value as it arrives: `null` fields are unset, so they are left out. */
function withoutNulls(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(withoutNulls);
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).flatMap(([k, v]) => (v === null || v === undefined ? [] : [[k, withoutNulls(v)]])));
  return x;
}


interface Client {
  state: MatchState;
  decoder: Decoder<MatchState>;
  view: StateView;
}

function recorded(): GameEvent[][] {
  return runBotMatch({
    seed: 'schema-projection',
    bots: (['robotaxi', 'robots', 'satellites', 'balanced'] as const).map((strategy) => ({ strategy, difficulty: 'normal' })),
    record: true,
  }).recorded;
}

describe('the typed room state, as each client decodes it', () => {
  const groups = recorded();

  it('carries every public and own field exactly; another seat’s and a spectator’s rows never hold private fields', () => {
    const engine = clonePlain(initialState()) as GameState;
    const ms = new MatchState();
    const encoder = new Encoder(ms);
    let clients: { player: Client; spectator: Client } | null = null;
    const all: GameEvent[] = [];
    let checkedReports = 0;
    let sheets = 0;
    let seq = 0;
    for (const group of groups) {
      for (const e of group) applyEvent(engine, e);
      all.push(...group);
      seq += group.length;
      const resolved = group.some((e) => e.type === 'QuarterResolved');
      const state = clonePlain(engine) as GameState;
      project(ms, state, { joinCode: 'CODE', classroom: false, connected: new Set([0]), autopilot: new Set(), deadline: 0 }, resolved ? (group as unknown as EventEnvelope[]) : null);
      if (!clients) {
        if (ms.players.length === 0) continue;
        const open = (view: StateView): Client => {
          const state = new MatchState();
          const decoder = new Decoder(state);
          const it = { offset: 0 };
          encoder.encodeAll(it);
          decoder.decode(encoder.encodeAllView(view, it.offset, it).slice());
          return { state, decoder, view };
        };
        const seatView = new StateView();
        seatView.add(ms.players[0]!);
        clients = { player: open(seatView), spectator: open(new StateView()) };
        encoder.discardChanges();
      } else {
        // As the room does: once the match is over, every book is open to everyone.
        if (state.status === 'ended') for (const c of [clients.player, clients.spectator]) for (const row of ms.players) if (!c.view.has(row)) c.view.add(row);
        const it = { offset: 0 };
        encoder.encode(it);
        const shared = it.offset;
        const sheet = group.every((e) => e.type === 'OrdersSubmitted');
        for (const c of [clients.player, clients.spectator]) {
          const at = { offset: shared };
          const bytes = encoder.encodeView(c.view, shared, at).slice();
          // A sheet is its own seat's business: not a byte of it in the shared patch or a spectator's.
          if (sheet) {
            sheets++;
            expect(shared).toBe(0);
            if (c === clients.spectator) expect(bytes.length).toBe(0);
          }
          c.decoder.decode(bytes);
        }
        encoder.discardChanges();
      }

      const ended = state.status === 'ended';
      for (const [who, c] of Object.entries(clients)) {
        const s = c.state;
        expect(s.quarter, who).toBe(state.quarter);
        expect(s.status, who).toBe(state.status);
        expect(s.permits.toJSON(), who).toEqual(Object.fromEntries(Object.entries(state.permits).map(([city, holders]) => [city, { holders }])));
        expect(s.licenses.toJSON(), who).toEqual(withoutNulls(state.licenses));
        expect(s.news.toArray(), who).toEqual(state.news.map((n) => n.headline));
        expect(s.winner, who).toBe(state.result?.winner);
        expect(s.ranking.toArray(), who).toEqual(state.result?.ranking ?? []);
        state.players.forEach((p, i) => {
          const row = s.players.at(i)!;
          expect(row.toJSON(), `${who} row ${i}`).toMatchObject({
            seat: i,
            name: state.seats[i]!.name,
            kind: state.seats[i]!.kind,
            locked: p.locked,
            valuation: p.valuation,
            cars: p.robotaxi.cars,
            robotsDeployed: p.robots.deployed,
            satellites: Math.round(p.satellites.satellites),
            permits: p.robotaxi.permits,
            licenses: p.satellites.licenses,
            loops: withoutNulls(Object.fromEntries(Object.entries(p.loops).map(([line, l]) => [line, { strength: l.strength, streak: l.streak, closedQuarter: l.closedQuarter }]))),
          });
          // Walk every decoded field of the row: only the seat itself (or anyone, once the match is
          // over) holds its private ones.
          const mayRead = ended || (who === 'player' && i === 0);
          if (!mayRead) {
            expect(row.own, `${who} reads seat ${i}`).toBeUndefined();
            expect(Object.keys(row.toJSON()), `${who} reads seat ${i}`).not.toContain('own');
            return;
          }
          expect(row.own?.cash).toBe(p.cash);
          expect(row.own?.debt).toBe(p.debt);
          // The sheet's lists are always there, empty when the player left them out.
          expect(row.own?.orders.toJSON()).toEqual({ applyPermits: [], spectrumBids: {}, ...(withoutNulls(p.orders) as object) });
          const books = row.own!.books.toJSON();
          expect(books).toEqual(withoutNulls({ tech: p.tech, chips: p.chips, robotaxi: p.robotaxi, robots: p.robots, satellites: p.satellites, flows: p.flows, loops: p.loops }));
        });
        // The world canvas reads the decoded rows as they are: the player's own books, nobody else's.
        const report = s.report.quarter > 0 ? { report: s.report.toJSON() } : {};
        const world = worldModel({ quarter: s.quarter, foundryPriceUsd: s.foundryPriceUsd, permits: s.permits.toJSON(), licenses: s.licenses.toJSON(), players: s.players.map((p) => p.toJSON()), ...report }, state.scenario, 0, words);
        if (state.players.length > 0) expect(world.autonomy, `${who} world`).toBe(who === 'player' || ended ? state.players[0]!.tech.autonomy : null);
        const openBooks = s.players.map((_, i) => i).filter((i) => ended || (who === 'player' && i === 0));
        expect(world.factories.rows.filter((r) => r.books).map((r) => r.seat), `${who} factories`).toEqual(openBooks);
        if (state.foundry && s.report.quarter > 0) expect(world.factories.foundry?.supply, `${who} foundry`).toBe(state.foundry.supply);
        if (resolved && state.quarter > 1) {
          const q = ended ? state.quarter : state.quarter - 1;
          const facts = quarterEvents(all, q);
          expect(s.report.toJSON(), `${who} report Q${q}`).toEqual(withoutNulls(publicReport(q, facts)));
          if (who === 'player' || ended) expect(s.players.at(0)!.own?.report!.toJSON()).toEqual(withoutNulls({ ...seatReport(0, facts), quarter: q }));
          checkedReports++;
        }
      }
    }
    expect(clients!.player.state.status).toBe('ended');
    expect(checkedReports).toBeGreaterThanOrEqual(2 * 10);
    expect(sheets).toBeGreaterThan(20);
  });
});
