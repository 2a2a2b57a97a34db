import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MatchRegistry } from '../../server/match/MatchRegistry';
import { PostgresEventStore } from '../../server/store/PostgresEventStore';
import { sealEvents, verifyLog } from '../../shared/replay/envelope';
import { fold, stateHash } from '../../shared/replay/fold';
import { heldQuarter } from '../../shared/rules/reveal';
import { ManualClock } from '../support/manualClock';
import { usePostgresServer } from '../support/usePostgresServer';

const pgLive = usePostgresServer();

/** Two server processes' registries on one database, each appending through its own fenced store. */
async function twoProcesses(database: string, leaseMs: number) {
  const url = await pgLive.server.createDatabase(database);
  const clock = new ManualClock();
  const open = async (owner: string) => new MatchRegistry(await PostgresEventStore.open({ url, owner }), clock, { owner, leaseMs });
  return { a: await open('proc-a'), b: await open('proc-b'), audit: await PostgresEventStore.open({ url }), url };
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; !(await check()); i++) {
    if (i > 1500) throw new Error('condition never held');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('match leases between two registries', () => {
  it('the old host of a taken-over match refuses with MATCH_MOVED and stores nothing; the new one goes on', async () => {
    // Long enough for A to create and start the match under its first lease on a busy machine.
    const { a, b, audit } = await twoProcesses('moved', 3000);
    const { matchId } = await a.create({ seats: 2, bots: [{ strategy: 'robots', difficulty: 'normal' }], winLoops: 2, planningSeconds: 0, seed: 'moved' });
    expect(await a.joinSeat(matchId, 'Ada')).toMatchObject({ seat: 0 });
    const old = await a.open(matchId);
    await old.idle();
    expect(old.current.status).toBe('planning');
    let lost = 0;
    old.onLost(() => lost++);
    // While A holds the lease, B can neither open the match nor find it orphaned.
    await expect(b.open(matchId)).rejects.toMatchObject({ code: 'MATCH_HOSTED_ELSEWHERE' });
    expect(await b.sweep()).toEqual([]);

    // A stops renewing (no sweep runs in A); once the lease has run out B adopts the match.
    await until(async () => (await audit.orphans(10)).includes(matchId));
    const adopted = await b.sweep();
    expect(adopted.map((h) => h.matchId)).toEqual([matchId]);
    const host = adopted[0]!;
    const versionAtTakeover = host.version;
    expect(stateHash(host.current)).toBe(stateHash(old.current));

    const refused = await old.execute({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { chipRnD: 1 } } }, { role: 'player', seat: 0 });
    expect(refused).toMatchObject({ ok: false, code: 'MATCH_MOVED' });
    expect(lost).toBe(1);
    expect(a.loaded().map((h) => h.matchId)).toEqual([]);
    expect(await old.execute({ type: 'LockOrders', data: { seat: 0, quarter: 1 } }, { role: 'player', seat: 0 })).toMatchObject({ ok: false, code: 'MATCH_CLOSED' });
    expect((await audit.getMatch(matchId))!.version).toBe(versionAtTakeover);

    const accepted = await host.execute({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { chipRnD: 2 } } }, { role: 'player', seat: 0 });
    expect(accepted).toMatchObject({ ok: true, seq: versionAtTakeover + 1 });
    const log = await audit.read(matchId);
    expect(verifyLog(log)).toEqual({ ok: true, count: log.length });
    expect(fold(log).players[0]!.orders).toMatchObject({ chipRnD: 2 });

    // A clean stop hands the match back at once: no waiting for the lease to run out.
    await b.close();
    const back = await a.recoverAll();
    expect(back.map((h) => h.matchId)).toEqual([matchId]);
    expect(stateHash(back[0]!.current)).toBe(stateHash(fold(log)));
    await a.close();
    await Promise.all([a.store.close(), b.store.close(), audit.close()]);
  });

  it('the version check is the last line of defence: a host that finds the log moved on steps aside and the match is adopted again', async () => {
    const { a, b, audit } = await twoProcesses('conflict', 60_000);
    const { matchId } = await a.create({ seats: 2, bots: [{ strategy: 'robots', difficulty: 'normal' }], winLoops: 2, planningSeconds: 0, seed: 'conflict' });
    await a.joinSeat(matchId, 'Ada');
    const old = await a.open(matchId);
    await old.idle();
    // A writer that ignores leases (here: an unfenced store) appends behind the host's back.
    const log = await audit.read(matchId);
    const sneaked = sealEvents(matchId, log[log.length - 1]!, [{ type: 'MatchPaused', data: { quarter: 1 } }], 1);
    await audit.append(matchId, log.length, sneaked);
    const refused = await old.execute({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { chipRnD: 1 } } }, { role: 'player', seat: 0 });
    expect(refused).toMatchObject({ ok: false, code: 'MATCH_MOVED' });
    expect((await audit.getMatch(matchId))!.version).toBe(log.length + 1);
    // A let its lease go at once (no waiting a minute): B adopts the match with the event it did not know.
    await until(async () => (await audit.orphans(10)).includes(matchId));
    const [host] = await b.sweep();
    expect(host!.matchId).toBe(matchId);
    expect(host!.version).toBe(log.length + 1);
    expect(host!.current.paused).toBe(true);
    expect(stateHash(host!.current)).toBe(stateHash(fold(await audit.read(matchId))));
    await Promise.all([a.close(), b.close()]);
    await Promise.all([a.store.close(), b.store.close(), audit.close()]);
  });

  it('a host whose shared store fails steps aside with STORE_UNAVAILABLE; the match is adopted again once the store takes appends', async () => {
    const { a, b, audit, url } = await twoProcesses('failing', 60_000);
    const sql = async (statement: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(statement).finally(() => client.end());
    };
    const { matchId } = await a.create({ seats: 2, bots: [{ strategy: 'robots', difficulty: 'normal' }], winLoops: 2, planningSeconds: 0, seed: 'failing' });
    await a.joinSeat(matchId, 'Ada');
    const old = await a.open(matchId);
    await old.idle();
    const version = old.version;
    // A real fault in the database: it refuses every new event until the constraint is dropped.
    await sql('ALTER TABLE events ADD CONSTRAINT refuse_all CHECK (false) NOT VALID');
    const refused = await old.execute({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { chipRnD: 1 } } }, { role: 'player', seat: 0 });
    expect(refused).toMatchObject({ ok: false, code: 'STORE_UNAVAILABLE' });
    expect(a.loaded()).toEqual([]);
    expect((await audit.getMatch(matchId))!.version).toBe(version);
    await sql('ALTER TABLE events DROP CONSTRAINT refuse_all');
    await until(async () => (await audit.orphans(10)).includes(matchId));
    const [host] = await b.sweep();
    expect(host!.version).toBe(version);
    expect(await host!.execute({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { chipRnD: 2 } } }, { role: 'player', seat: 0 })).toMatchObject({
      ok: true,
      seq: version + 1,
    });
    await Promise.all([a.close(), b.close()]);
    await Promise.all([a.store.close(), b.store.close(), audit.close()]);
  });

  it('a sweep keeps the leases it holds alive and lets finished matches go', async () => {
    const { a, b, audit } = await twoProcesses('renewed', 1500);
    const bots = [{ strategy: 'robots' as const, difficulty: 'normal' as const }, { strategy: 'satellites' as const, difficulty: 'normal' as const }];
    const live = await a.create({ seats: 2, bots: bots.slice(0, 1), winLoops: 2, planningSeconds: 0, seed: 'kept' });
    const done = await a.create({ seats: 2, bots, winLoops: 2, planningSeconds: 0, quarters: 2, seed: 'done' });
    const finished = await a.open(done.matchId);
    await until(async () => {
      await finished.idle();
      return finished.current.status === 'ended';
    });
    // Renewed more often than the lease lasts, A's live match never becomes an orphan.
    for (let i = 0; i < 25; i++) {
      expect(await a.sweep()).toEqual([]);
      expect(await audit.orphans(10)).toEqual([]);
      expect(await b.sweep()).toEqual([]);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(a.loaded().map((h) => h.matchId)).toEqual([live.matchId]);
    expect(b.loaded()).toEqual([]);
    // The finished match's lease was given up: anyone may take it; the live one is still A's.
    expect(await b.store.leases!.claim(done.matchId, 'proc-b', 1000)).toBe(true);
    expect(await b.store.leases!.claim(live.matchId, 'proc-b', 1000)).toBe(false);
    await a.close();
    await b.close();
    await Promise.all([a.store.close(), b.store.close(), audit.close()]);
  });

  it('a match whose last quarter is held for a staged reveal keeps its lease until the facilitator releases it', async () => {
    const { a, b, audit } = await twoProcesses('held', 1500);
    const bots = [{ strategy: 'robots' as const, difficulty: 'normal' as const }, { strategy: 'satellites' as const, difficulty: 'normal' as const }];
    const { matchId } = await a.create({ seats: 2, bots, winLoops: 2, planningSeconds: 0, quarters: 2, classroom: true, stagedReveal: true, seed: 'held' });
    const host = await a.open(matchId);
    const facilitator = { role: 'facilitator' as const };
    expect(await host.execute({ type: 'StartMatch', data: {} }, facilitator)).toMatchObject({ ok: true });
    // The facilitator releases every quarter but the last.
    await until(async () => {
      await host.idle();
      const held = heldQuarter(host.current);
      if (held !== null && host.current.status !== 'ended') await host.execute({ type: 'RevealResults', data: { quarter: held } }, facilitator);
      return host.current.status === 'ended';
    });
    expect(heldQuarter(host.current)).toBe(2);
    // Over and held: the match is still A's, sweep after sweep, longer than a lease lasts.
    for (let i = 0; i < 25; i++) {
      expect(await a.sweep()).toEqual([]);
      expect(await b.sweep()).toEqual([]);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(a.loaded().map((h) => h.matchId)).toEqual([matchId]);
    expect(await audit.orphans(10)).toEqual([]);
    expect(await host.execute({ type: 'RevealResults', data: { quarter: 2 } }, facilitator)).toMatchObject({ ok: true });
    expect((await audit.getMatch(matchId))!.status).toBe('finished');
    // Released: now it is over for everyone, and the next sweep lets it go.
    await a.sweep();
    expect(a.loaded()).toEqual([]);
    expect(await b.store.leases!.claim(matchId, 'proc-b', 1000)).toBe(true);
    await a.close();
    await b.close();
    await Promise.all([a.store.close(), b.store.close(), audit.close()]);
  });
});
