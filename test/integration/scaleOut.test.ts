import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@colyseus/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresEventStore } from '../../server/store/PostgresEventStore';
import { verifyLog } from '../../shared/replay/envelope';
import { fold, stateHash } from '../../shared/replay/fold';
import { GameClient, type Reply } from '../support/gameClient';
import { PostgresServer } from '../support/postgresServer';
import { RedisServer } from '../support/redisServer';
import { ServerProcess } from '../support/serverProcess';

/** Short leases, so that a killed process's match is taken over within a few seconds. */
const LEASE_SECONDS = 4;

let redis: RedisServer;
let postgres: PostgresServer;
let store: PostgresEventStore;
let a: ServerProcess;
let b: ServerProcess;
let databaseUrl = '';
const dir = mkdtempSync(join(tmpdir(), 'scale-out-'));

/** One server process of the pair: its own port and public address, the shared PostgreSQL and Redis. */
function startProcess(name: string, databaseUrl: string): Promise<ServerProcess> {
  return ServerProcess.startShared(join(dir, name), { databaseUrl, redisUrl: redis.url }, { LEASE_SECONDS: String(LEASE_SECONDS) });
}

beforeAll(async () => {
  [redis, postgres] = await Promise.all([RedisServer.start(), PostgresServer.start()]);
  databaseUrl = await postgres.createDatabase('scale_out');
  a = await startProcess('a', databaseUrl);
  b = await startProcess('b', databaseUrl);
  store = await PostgresEventStore.open({ url: databaseUrl });
}, 120_000);

afterAll(async () => {
  await store?.close();
  for (const p of [a, b]) if (p && p.child.exitCode === null && p.child.signalCode === null) await p.stop();
  await redis?.stop();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

const createMatch = async (via: ServerProcess, seed: string) => {
  const res = await via.api('/api/matches', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seats: 2, bots: [{ strategy: 'robots', difficulty: 'normal' }], planningSeconds: 0, quarters: 4, seed }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { matchId: string; joinCode: string };
};
const json = async (via: ServerProcess, path: string) => (await via.api(path)).json();

/** Expects an ack and keeps its seq (to check later that the log holds every acknowledged command). */
const recordAck = (acked: number[]) => (r: Reply) => {
  expect(r).toMatchObject({ ok: true });
  if (r.ok) acked.push(r.seq);
};

/** Plays seat 0's sheet and lock for every quarter until the match ends, adding the acked seqs. */
async function playToEnd(player: GameClient, acked: number[]): Promise<void> {
  const ack = recordAck(acked);
  let quarter = 0;
  for (;;) {
    await player.until(() => player.state.status === 'ended' || (player.state.status === 'planning' && player.state.quarter > quarter), 30_000);
    if (player.state.status === 'ended') return;
    quarter = player.state.quarter;
    if (player.state.players[0]?.own?.orders?.chipRnD === undefined)
      ack(await player.command({ type: 'SubmitOrders', data: { seat: 0, quarter, orders: { chipRnD: 400 + quarter, aiTraining: 300 } } }));
    ack(await player.command({ type: 'LockOrders', data: { seat: 0, quarter } }));
  }
}

describe('several server processes on PostgreSQL and Redis', () => {
  it('a match created through process A is listed by B, joined through B and played to the end', async () => {
    expect(a.port).not.toBe(b.port);
    expect(await json(a, '/api/health')).toMatchObject({ ok: true, store: 'postgres', matchesOpen: 0 });
    const { matchId, joinCode } = await createMatch(a, 'listed-by-b');
    const listed = (await json(b, '/api/matches?status=waiting')) as Array<{ matchId: string; joinCode: string; openSeats: number }>;
    expect(listed).toContainEqual(expect.objectContaining({ matchId, joinCode, openSeats: 1 }));
    expect((await json(b, `/api/matches/${joinCode}`)).matchId).toBe(matchId);
    // A hosts the match; B only knows it through the store and the Redis room listing.
    expect((await json(a, '/api/health')).matchesOpen).toBe(1);
    expect((await json(b, '/api/health')).matchesOpen).toBe(0);

    // The SDK talks to B's matchmaker; B reserves the seat in A's room over Redis.
    const ada = await GameClient.join(b.port, matchId, { name: 'Ada' });
    expect(ada.seat).toBe(0);
    // A spectator asking B for the match's watch room gets one in A, beside the live match it follows.
    const watch = await new Client(`ws://127.0.0.1:${b.port}`).joinOrCreate('watch', { matchId });
    const acked: number[] = [];
    await playToEnd(ada, acked);
    expect(ada.state.quarter).toBe(4);
    await ada.until(() => (watch.state as { status?: string }).status === 'ended');
    expect((watch.state as { quarter?: number }).quarter).toBe(4);
    await watch.leave();

    const log = await store.read(matchId);
    expect(verifyLog(log)).toEqual({ ok: true, count: log.length });
    for (const seq of acked) expect(log.some((e) => e.seq === seq)).toBe(true);
    const seenByB = await json(b, `/api/matches/${matchId}`);
    expect(seenByB).toMatchObject({ status: 'finished', quarter: 4, version: log.length, stateHash: stateHash(fold(log)) });
    await ada.leave();
  }, 120_000);

  it('a match whose process is SIGKILLed is taken over by the other one from the log; nothing acknowledged is lost', async () => {
    const { matchId } = await createMatch(a, 'taken-over');
    let ada = await GameClient.join(b.port, matchId, { name: 'Ada' });
    const token = ada.token!;
    const acked: number[] = [];
    const ack = recordAck(acked);
    await ada.until(() => ada.state.status === 'planning' && ada.state.quarter === 1);
    ack(await ada.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { chipRnD: 1000 } } }));
    ack(await ada.command({ type: 'LockOrders', data: { seat: 0, quarter: 1 } }));
    await ada.until(() => ada.state.status === 'planning' && ada.state.quarter === 2);
    ack(await ada.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 2, orders: { fsdRnD: 777 } } }));

    // Killed mid-planning, right after an acknowledged sheet: no cleanup, no lease released.
    await a.kill();
    const atKill = await store.read(matchId);
    expect(verifyLog(atKill).ok).toBe(true);
    for (const seq of acked) expect(atKill.some((e) => e.seq === seq)).toBe(true);

    // B notices once A's lease has run out, and folds the match back from the log.
    await ada.until(() => b.output.join('').includes(`"msg":"match taken over","matchId":"${matchId}"`), 60_000);
    expect((await json(b, '/api/health')).matchesOpen).toBe(1);
    ada = await GameClient.join(b.port, matchId, { token });
    expect(ada.seat).toBe(0);
    await ada.until(() => ada.state.status === 'planning' && ada.state.quarter === 2);
    expect(ada.state.players[0]?.own?.orders?.toJSON()).toMatchObject({ fsdRnD: 777 });

    await playToEnd(ada, acked);
    const log = await store.read(matchId);
    expect(verifyLog(log)).toEqual({ ok: true, count: log.length });
    expect(log.slice(0, atKill.length)).toEqual(atKill);
    for (const seq of acked) expect(log.some((e) => e.seq === seq)).toBe(true);
    expect(fold(log).players[0]!.orders).toBeDefined();
    const summary = await json(b, `/api/matches/${matchId}`);
    expect(summary).toMatchObject({ status: 'finished', quarter: 4, version: log.length, stateHash: stateHash(fold(log)) });
    await ada.leave();
  }, 120_000);

  it('a stalled process loses its match to the other, steps aside when it wakes, and the log stays one chain', async () => {
    // A process started while B holds a live match does not take it.
    const held = await createMatch(b, 'held-by-b');
    a = await startProcess('a2', databaseUrl);
    expect(a.output.join('')).toContain('"recovered":0');
    expect((await json(a, '/api/health')).matchesOpen).toBe(0);
    expect(await json(a, `/api/matches/${held.matchId}`)).toMatchObject({ status: 'waiting', openSeats: 1 });
    const { matchId } = await createMatch(a, 'stalled');
    const stale = await GameClient.join(b.port, matchId, { name: 'Ada' });
    const token = stale.token!;
    const acked: number[] = [];
    const ack = recordAck(acked);
    await stale.until(() => stale.state.status === 'planning' && stale.state.quarter === 1);
    ack(await stale.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { chipRnD: 500 } } }));
    const closed = new Promise<number>((resolve) => stale.room.onLeave((code) => resolve(code)));

    // Frozen (a long pause, a stuck VM) past its lease: B takes the match while A still has it loaded.
    a.child.kill('SIGSTOP');
    await stale.until(() => b.output.join('').includes(`"msg":"match taken over","matchId":"${matchId}"`), 60_000);
    const ada = await GameClient.join(b.port, matchId, { token });
    await ada.until(() => ada.state.status === 'planning' && ada.state.quarter === 1);
    ack(await ada.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { chipRnD: 600 } } }));

    // Woken up, A finds its lease gone and closes its room with MATCH_MOVED (4009).
    a.child.kill('SIGCONT');
    expect(await closed).toBe(4009);
    expect((await json(a, '/api/health')).matchesOpen).toBe(0);
    // The room listing that A's closing room removed from Redis is restored by B: a spectator gets in through A.
    let spectator: GameClient | null = null;
    for (let attempt = 0; !spectator; attempt++) {
      spectator = await GameClient.join(a.port, matchId, { spectate: true }).catch((e: unknown) => {
        if (attempt >= 50) throw e;
        return new Promise<null>((r) => setTimeout(() => r(null), 200));
      });
    }
    expect(spectator.role).toBe('spectator');

    await playToEnd(ada, acked);
    const log = await store.read(matchId);
    expect(verifyLog(log)).toEqual({ ok: true, count: log.length });
    for (const seq of acked) expect(log.some((e) => e.seq === seq)).toBe(true);
    expect(await json(a, `/api/matches/${matchId}`)).toMatchObject({ status: 'finished', version: log.length, stateHash: stateHash(fold(log)) });
    await Promise.all([ada.leave(), spectator.leave()]);
    expect(await a.stop()).toBe(0);
    expect(await b.stop()).toBe(0);
  }, 120_000);
});
