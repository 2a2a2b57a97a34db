import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MatchRegistry } from '../../server/match/MatchRegistry';
import type { MatchHost } from '../../server/match/MatchHost';
import { SqliteEventStore } from '../../server/store/SqliteEventStore';
import { verifyLog } from '../../shared/replay/envelope';
import { fold, stateHash } from '../../shared/replay/fold';
import { ManualClock } from '../support/manualClock';

let dir: string;
let file: string;
let store: SqliteEventStore;
let clock: ManualClock;
let registry: MatchRegistry;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'host-'));
  file = join(dir, 'closed-loop.sqlite');
  store = new SqliteEventStore(file);
  clock = new ManualClock();
  registry = new MatchRegistry(store, clock);
});
afterEach(async () => {
  await registry.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const bots = (n: number) => Array.from({ length: n }, (_, i) => ({ strategy: (['robotaxi', 'robots', 'satellites', 'vertical'] as const)[i % 4], difficulty: 'normal' as const }));

async function settle(host: MatchHost): Promise<void> {
  for (let i = 0; i < 5; i++) await host.idle();
}

describe('match host', () => {
  it('a match of bots only plays itself out, stored event by event', async () => {
    const { matchId, joinCode } = await registry.create({ seats: 4, bots: bots(4), winLoops: 2, planningSeconds: 0, seed: 'all-bots' });
    expect(joinCode).toMatch(/^[A-HJ-KM-NP-TV-Z]{5}$/);
    const host = await registry.open(matchId);
    await settle(host);
    expect(host.current.status).toBe('ended');
    const log = await store.read(matchId);
    expect(log.length).toBe(host.version);
    expect(verifyLog(log).ok).toBe(true);
    expect(stateHash(fold(log))).toBe(stateHash(host.current));
    expect((await store.getMatch(matchId))!.status).toBe('finished');
  });

  it('people join by seat, the match starts when full, bots lock at once, and all locked ends planning', async () => {
    const { matchId } = await registry.create({ seats: 3, bots: bots(1), winLoops: 2, planningSeconds: 90, seed: 'people' });
    const a = await registry.joinSeat(matchId, 'Ada');
    const b = await registry.joinSeat(matchId, 'Bo');
    expect(a).toMatchObject({ seat: 0 });
    expect(b).toMatchObject({ seat: 1 });
    const host = await registry.open(matchId);
    await settle(host);
    expect(host.current.status).toBe('planning');
    expect(host.current.players.map((p) => p.locked)).toEqual([false, false, true]);
    expect((await store.getMatch(matchId))!.status).toBe('live');
    const submitted = await host.execute({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { aiTraining: 500 } } }, { role: 'player', seat: 0 });
    expect(submitted).toMatchObject({ ok: true });
    // Acknowledged means stored.
    const stored = await store.read(matchId);
    expect(stored[stored.length - 1]).toMatchObject({ seq: (submitted as { seq: number }).seq, type: 'OrdersSubmitted' });
    const refused = await host.execute({ type: 'SubmitOrders', data: { seat: 1, quarter: 1, orders: {} } }, { role: 'player', seat: 0 });
    expect(refused).toEqual({ ok: false, code: 'SEAT_NOT_YOURS', message: 'Seat 1 is not yours.' });
    expect((await store.read(matchId)).length).toBe(stored.length);
    await host.execute({ type: 'LockOrders', data: { seat: 0, quarter: 1 } }, { role: 'player', seat: 0 });
    await host.execute({ type: 'LockOrders', data: { seat: 1, quarter: 1 } }, { role: 'player', seat: 1 });
    await settle(host);
    expect(host.current.quarter).toBe(2);
    expect(await registry.seatForToken(matchId, (a as { token: string }).token)).toBe(0);
    expect(await registry.seatForToken(matchId, 'stolen-token')).toBeNull();
  });

  it('the planning timer ends the quarter; a pause stops it and a resume starts it again', async () => {
    const { matchId, facilitatorKey } = await registry.create({ seats: 2, bots: bots(1), winLoops: 2, planningSeconds: 60, seed: 'timer', classroom: true });
    expect(facilitatorKey).toBeDefined();
    expect(await registry.isFacilitator(matchId, facilitatorKey!)).toBe(true);
    expect(await registry.isFacilitator(matchId, 'nope')).toBe(false);
    await registry.joinSeat(matchId, 'Ada');
    const host = await registry.open(matchId);
    await settle(host);
    // A classroom match waits for its facilitator.
    expect(host.current.status).toBe('lobby');
    await host.execute({ type: 'StartMatch', data: {} }, { role: 'facilitator' });
    await settle(host);
    expect(clock.pending()).toBe(1);
    clock.advance(59_000);
    await settle(host);
    expect(host.current.quarter).toBe(1);
    await host.execute({ type: 'PauseMatch', data: {} }, { role: 'facilitator' });
    await settle(host);
    expect(clock.pending()).toBe(0);
    await host.execute({ type: 'ResumeMatch', data: {} }, { role: 'facilitator' });
    await settle(host);
    clock.advance(60_000);
    await settle(host);
    expect(host.current.quarter).toBe(2);
    expect(clock.pending()).toBe(1);
  });

  it('after a restart every unfinished match comes back from the log, with its seats', async () => {
    const { matchId } = await registry.create({ seats: 2, bots: bots(1), winLoops: 2, planningSeconds: 0, seed: 'restart' });
    const ada = await registry.joinSeat(matchId, 'Ada');
    if (!ada.ok) throw new Error(ada.message);
    const host = await registry.open(matchId);
    await settle(host);
    await host.execute({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { chipRnD: 700 } } }, { role: 'player', seat: 0 });
    await host.execute({ type: 'LockOrders', data: { seat: 0, quarter: 1 } }, { role: 'player', seat: 0 });
    await settle(host);
    const before = stateHash(host.current);
    const version = host.version;
    await registry.close();
    await store.close();

    store = new SqliteEventStore(file);
    registry = new MatchRegistry(store, clock);
    const [back] = await registry.recoverAll();
    expect(back!.matchId).toBe(matchId);
    await settle(back!);
    expect(back!.version).toBe(version);
    expect(stateHash(back!.current)).toBe(before);
    expect(stateHash(fold(await store.read(matchId)))).toBe(before);
    expect(await registry.seatForToken(matchId, ada.token)).toBe(0);
    const next = await back!.execute({ type: 'SubmitOrders', data: { seat: 0, quarter: 2, orders: { aiTraining: 100 } } }, { role: 'player', seat: 0 });
    expect(next).toMatchObject({ ok: true, seq: version + 1 });
  });

  it('time to learn: a solo match’s first quarter waits for its player to be ready, friends get double time, a class’s timer is never changed', async () => {
    const solo = await registry.create({ seats: 2, bots: bots(1), winLoops: 2, planningSeconds: 30, seed: 'learn-solo' });
    await registry.joinSeat(solo.matchId, 'Ada');
    const host = await registry.open(solo.matchId);
    await settle(host);
    expect(host.current.status).toBe('planning');
    expect(host.deadline).toBe(0);
    clock.advance(600_000);
    await settle(host);
    expect(host.current.quarter).toBe(1);
    host.markReady(0);
    expect(host.deadline).toBe(clock.now() + 30_000);
    clock.advance(30_000);
    await settle(host);
    expect(host.current.quarter).toBe(2);
    expect(host.deadline).toBe(clock.now() + 30_000);

    const friends = await registry.create({ seats: 3, bots: bots(1), winLoops: 2, planningSeconds: 30, seed: 'learn-friends' });
    await registry.joinSeat(friends.matchId, 'Bo');
    await registry.joinSeat(friends.matchId, 'Cy');
    const together = await registry.open(friends.matchId);
    await settle(together);
    expect(together.deadline).toBe(clock.now() + 60_000);

    const lesson = await registry.create({ seats: 1, bots: [], winLoops: 2, planningSeconds: 30, seed: 'learn-class', classroom: true });
    await registry.joinSeat(lesson.matchId, 'Dee');
    const taught = await registry.open(lesson.matchId);
    await taught.execute({ type: 'StartMatch', data: {} }, { role: 'facilitator' });
    await settle(taught);
    expect(taught.current.status).toBe('planning');
    expect(taught.deadline).toBe(clock.now() + 30_000);
  });

  it('when every human player has left, the match waits for one to return, and the timer starts afresh then', async () => {
    const { matchId } = await registry.create({ seats: 2, bots: bots(1), winLoops: 2, planningSeconds: 30, seed: 'away' });
    await registry.joinSeat(matchId, 'Ada');
    const host = await registry.open(matchId);
    await settle(host);
    host.markReady(0);
    expect(host.current.quarter).toBe(1);
    clock.advance(20_000);
    host.setAutopilot(0, true);
    await settle(host);
    // Nobody plays Ada's seat for her and no timer runs: an hour later it is still quarter 1.
    expect(host.current.players[0]!.locked).toBe(false);
    expect(host.deadline).toBe(0);
    clock.advance(3_600_000);
    await settle(host);
    expect(host.current.quarter).toBe(1);
    expect(host.current.status).toBe('planning');
    // Ada is back: a full 30 s for her quarter.
    host.setAutopilot(0, false);
    await settle(host);
    expect(host.deadline).toBe(clock.now() + 30_000);
    clock.advance(30_000);
    await settle(host);
    expect(host.current.quarter).toBe(2);
  });

  it('in a match with other players, an absent player’s seat is played by a bot and the match goes on', async () => {
    const { matchId } = await registry.create({ seats: 3, bots: bots(1), winLoops: 2, planningSeconds: 30, seed: 'one-away' });
    await registry.joinSeat(matchId, 'Ada');
    await registry.joinSeat(matchId, 'Bo');
    const host = await registry.open(matchId);
    await settle(host);
    host.setAutopilot(0, true);
    await settle(host);
    expect(host.current.players[0]!.locked).toBe(true);
    await host.execute({ type: 'LockOrders', data: { seat: 1, quarter: 1 } }, { role: 'player', seat: 1 });
    await settle(host);
    expect(host.current.quarter).toBe(2);
  });

  it('a seat on autopilot is played by a bot until its player returns', async () => {
    const { matchId } = await registry.create({ seats: 2, bots: [], winLoops: 2, planningSeconds: 0, seed: 'autopilot' });
    await registry.joinSeat(matchId, 'Ada');
    await registry.joinSeat(matchId, 'Bo');
    const host = await registry.open(matchId);
    await settle(host);
    const bo = { role: 'player', seat: 1 } as const;
    const lockBo = () => host.execute({ type: 'LockOrders', data: { seat: 1, quarter: host.current.quarter } }, bo);
    // Ada drops: her seat is played for her; the quarter ends once Bo locks.
    host.setAutopilot(0, true);
    await settle(host);
    expect(host.current.players[0]!.locked).toBe(true);
    await lockBo();
    await settle(host);
    expect(host.current.quarter).toBe(2);
    expect(host.current.players[0]!.locked).toBe(true);
    // Ada is back: from the next quarter on she plays her own seat again.
    host.setAutopilot(0, false);
    await lockBo();
    await settle(host);
    expect(host.current.quarter).toBe(3);
    expect(host.current.players.map((p) => p.locked)).toEqual([false, false]);
  });
});
