import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Encoder, StateView } from '@colyseus/schema';
import type { BotSpec } from '../../shared/domain/ids';
import type { GameEvent } from '../../shared/domain/events';
import type { GameState } from '../../shared/domain/state';
import { sealEvents, type EventEnvelope } from '../../shared/replay/envelope';
import { applyEvent } from '../../shared/rules/evolve';
import { initialState } from '../../shared/rules/initialState';
import { runBotMatch } from '../../shared/sim/runBotMatch';
import { clonePlain } from '../../shared/util/clonePlain';
import { viewFor } from '../../shared/views/viewFor';
import { MatchState } from '../../shared/wire/state';
import { project } from '../rooms/project';
import { SqliteEventStore } from '../store/SqliteEventStore';

const bots: BotSpec[] = (['robotaxi', 'robots', 'satellites', 'vertical'] as const).map((strategy) => ({ strategy, difficulty: 'normal' }));

/** A recorded four-bot match: the events of every command, in order. */
export function recordedMatch(seed = 'bench-server'): GameEvent[][] {
  return runBotMatch({ seed, bots, record: true }).recorded;
}

/**
 * Bytes one player receives per quarter: Colyseus schema deltas (its own view included) against
 * sending the whole JSON state of its view after every change, the common naive approach.
 */
export function bytesPerQuarter(groups: GameEvent[][]): { deltaBytes: number; fullJsonBytes: number; quarters: number } {
  const state = clonePlain(initialState()) as GameState;
  const ms = new MatchState();
  const encoder = new Encoder(ms);
  const view = new StateView();
  let delta = 0;
  let json = 0;
  let joined = false;
  let seq = 0;
  for (const group of groups) {
    for (const e of group) applyEvent(state, e);
    seq += group.length;
    const resolved = group.findIndex((e) => e.type === 'QuarterResolved');
    const lastQuarter = resolved >= 0 ? (group.slice(group.findIndex((e) => e.type === 'PlanningEnded'), resolved + 1) as unknown as EventEnvelope[]) : null;
    // A clone: `state` is mutated in place here, and the projection caches by object identity.
    project(ms, clonePlain(state) as GameState, { joinCode: 'BENCH', classroom: false, connected: new Set([0]), autopilot: new Set(), deadline: 0 }, lastQuarter);
    if (!joined) {
      if (ms.players.length === 0) continue;
      // The player joins once the seats exist; the first full state is a one-off, not counted.
      view.add(ms.players[0]!);
      const it = { offset: 0 };
      encoder.encodeAll(it);
      encoder.encodeAllView(view, it.offset, it);
      encoder.discardChanges();
      joined = true;
      continue;
    }
    const it = { offset: 0 };
    encoder.encode(it);
    delta += encoder.encodeView(view, it.offset, it).byteLength;
    encoder.discardChanges();
    json += Buffer.byteLength(JSON.stringify(viewFor(state, { role: 'player', seat: 0 })));
  }
  const quarters = state.quarter;
  return { deltaBytes: Math.round(delta / quarters), fullJsonBytes: Math.round(json / quarters), quarters };
}

/**
 * Storage per command: our append of the command's events against rewriting the whole game as one
 * JSON document after every command (how several popular online board games persist).
 */
export function storeCost(groups: GameEvent[][]): { appendBytes: number; appendUs: number; snapshotBytes: number; snapshotUs: number; commands: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  try {
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    const db = new Database(join(dir, 'games.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE games (id TEXT PRIMARY KEY, json TEXT NOT NULL)');
    const upsert = db.prepare('INSERT INTO games (id, json) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json');
    const state = clonePlain(initialState()) as GameState;
    let last: EventEnvelope | null = null;
    let appendNs = 0n;
    let snapshotNs = 0n;
    let appendBytes = 0;
    let snapshotBytes = 0;
    const created = store.create({ matchId: 'bench', joinCode: 'BENCH', classroom: false, createdAt: 0, facilitatorKeyHash: null });
    void created;
    for (const group of groups) {
      const sealed = sealEvents('bench', last, group, 0);
      const t0 = process.hrtime.bigint();
      void store.append('bench', last?.seq ?? 0, sealed);
      appendNs += process.hrtime.bigint() - t0;
      appendBytes += sealed.reduce((n, e) => n + Buffer.byteLength(JSON.stringify(e.data)) + 64 * 3, 0);
      last = sealed[sealed.length - 1]!;
      for (const e of group) applyEvent(state, e);
      const doc = JSON.stringify(state);
      const t1 = process.hrtime.bigint();
      upsert.run('bench', doc);
      snapshotNs += process.hrtime.bigint() - t1;
      snapshotBytes += Buffer.byteLength(doc);
    }
    void store.close();
    db.close();
    const commands = groups.length;
    return {
      appendBytes: Math.round(appendBytes / commands),
      appendUs: Math.round(Number(appendNs / BigInt(commands)) / 100) / 10,
      snapshotBytes: Math.round(snapshotBytes / commands),
      snapshotUs: Math.round(Number(snapshotNs / BigInt(commands)) / 100) / 10,
      commands,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}


/**
 * Commands per second through real rooms: `clients` SDK clients, one per match, each sending
 * sheets as fast as the per-client limit allows (18 a second, under the 20 limit) and waiting for
 * every ack, for `seconds` seconds. Also the ack latency.
 */
export async function roomThroughput(clients = 100, seconds = 4): Promise<{ commandsPerSec: number; p50Ms: number; p99Ms: number; clients: number }> {
  const { startServer } = await import('../index');
  const { jsonLogger, NO_LIMITS } = await import('../config');
  const { GameClient } = await import('../../test/support/gameClient');
  const dir = mkdtempSync(join(tmpdir(), 'bench-room-'));
  const server = await startServer({ port: 0, dataDir: dir, logLevel: 'error', limits: NO_LIMITS }, jsonLogger('error', () => undefined));
  try {
    const players = await Promise.all(
      Array.from({ length: clients }, async (_, i) => {
        const res = await fetch(`http://127.0.0.1:${server.port}/api/matches`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ seats: 2, bots: [{ strategy: 'robots', difficulty: 'easy' }], planningSeconds: 0, seed: `room-${i}` }),
        });
        const { matchId } = (await res.json()) as { matchId: string };
        const c = await GameClient.join(server.port, matchId, { name: `P${i}` });
        await c.until(() => c.state.status === 'planning');
        return c;
      }),
    );
    const latencies: number[] = [];
    let done = 0;
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      players.map(async (c, i) => {
        let n = 0;
        while (performance.now() < end) {
          const started = performance.now();
          const reply = await c.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { aiTraining: (n++ % 50) + i } } });
          const took = performance.now() - started;
          if (reply.ok) {
            done++;
            latencies.push(took);
          }
          const wait = 1000 / 18 - took;
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        }
      }),
    );
    await Promise.all(players.map((c) => c.leave()));
    latencies.sort((a, b) => a - b);
    const at = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]! * 10) / 10;
    return { commandsPerSec: Math.round(done / seconds), p50Ms: at(0.5), p99Ms: at(0.99), clients };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
