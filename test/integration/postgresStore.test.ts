import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { GameEvent } from '../../shared/domain/events';
import { sealEvents } from '../../shared/replay/envelope';
import { StoreError } from '../../server/store/EventStore';
import { PostgresEventStore } from '../../server/store/PostgresEventStore';
import { PostgresUserStore } from '../../server/store/PostgresUserStore';
import { usePostgresServer } from '../support/usePostgresServer';
import { describeEventStoreContract } from '../support/storeContract';
import { describeUserStoreContract } from '../support/userStoreContract';

const pgLive = usePostgresServer();
let databases = 0;

/** Each test gets a database of its own on the one server of this file. */
async function freshDatabase(): Promise<string> {
  databases += 1;
  return pgLive.server.createDatabase(`contract_${databases}`);
}

describeEventStoreContract('PostgreSQL', async () => {
  const url = await freshDatabase();
  const h = {
    store: await PostgresEventStore.open({ url }),
    async reopen() {
      await h.store.close();
      h.store = await PostgresEventStore.open({ url });
      return h.store;
    },
    async cleanup() {
      await h.store.close();
    },
  };
  return h;
});

describeUserStoreContract('PostgreSQL', async () => {
  const url = await freshDatabase();
  // The accounts live in the event store's database, beside its tables.
  const events = await PostgresEventStore.open({ url });
  const h = {
    users: await PostgresUserStore.open({ url }),
    async reopen() {
      await h.users.close();
      h.users = await PostgresUserStore.open({ url });
      return h.users;
    },
    async cleanup() {
      await h.users.close();
      await events.close();
    },
  };
  return h;
});

const paused = (n: number, from = 0): GameEvent[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'MatchPaused', data: { quarter: from + i + 1 } }) as GameEvent);
const newMatch = (matchId: string, joinCode: string) => ({ matchId, joinCode, classroom: false, createdAt: 5, facilitatorKeyHash: null });
const codeOf = (p: Promise<unknown>) => p.then(() => 'OK', (e: unknown) => (e instanceof StoreError ? e.code : String(e)));

describe('PostgresEventStore with several processes', () => {
  it('lets exactly one of two racing appends at the same version land', async () => {
    const url = await freshDatabase();
    const a = await PostgresEventStore.open({ url });
    const b = await PostgresEventStore.open({ url });
    await a.create(newMatch('m', 'RACES'));
    const outcomes = await Promise.all([
      codeOf(a.append('m', 0, sealEvents('m', null, paused(2), 1))),
      codeOf(b.append('m', 0, sealEvents('m', null, paused(3), 2))),
    ]);
    expect([...outcomes].sort()).toEqual(['OK', 'VERSION_CONFLICT']);
    const log = await a.read('m');
    expect(log).toHaveLength(outcomes[0] === 'OK' ? 2 : 3);
    expect((await b.getMatch('m'))!.version).toBe(log.length);
    await Promise.all([a.close(), b.close()]);
  });

  it('hands a match to one owner at a time; a released or lapsed lease makes it an orphan again', async () => {
    const url = await freshDatabase();
    const store = await PostgresEventStore.open({ url });
    await store.create(newMatch('m1', 'AAAAA'));
    await store.create(newMatch('m2', 'BBBBB'));
    await store.create(newMatch('done', 'CCCCC'));
    await store.create(newMatch('empty', 'DDDDD'));
    await store.create(newMatch('lobby', 'EEEEE'));
    for (const id of ['m1', 'm2', 'done', 'lobby']) await store.append(id, 0, sealEvents(id, null, paused(1), 1));
    for (const id of ['m1', 'm2']) await store.setStatus(id, 'live', 5);
    await store.markFinished('done', 9);
    // Only live matches are orphans: not finished ones, nor waiting ones (hosted again on their first join), nor those still being created.
    expect(await store.orphans(10)).toEqual(['m1', 'm2']);
    expect(await store.claim('m1', 'proc-a', 60_000)).toBe(true);
    expect(await store.claim('m1', 'proc-b', 60_000)).toBe(false);
    expect(await store.claim('m1', 'proc-a', 60_000)).toBe(true);
    expect(await store.orphans(10)).toEqual(['m2']);
    expect(await store.renew('proc-a', ['m1', 'm2'], 60_000)).toEqual(['m1']);
    expect(await store.renew('proc-a', [], 60_000)).toEqual([]);
    expect(await store.renew('proc-b', ['m1'], 60_000)).toEqual([]);
    await store.release('proc-a');
    expect(await store.orphans(10)).toEqual(['m1', 'm2']);
    expect(await store.claim('m2', 'proc-b', 1)).toBe(true);
    // A one-millisecond lease has run out by the next statement: anyone may take the match.
    await new Promise((r) => setTimeout(r, 5));
    expect(await store.orphans(10)).toEqual(['m1', 'm2']);
    expect(await store.renew('proc-b', ['m2'], 60_000)).toEqual([]);
    expect(await store.claim('m2', 'proc-a', 60_000)).toBe(true);
    await expect(store.claim('ghost', 'proc-a', 60_000)).rejects.toMatchObject({ code: 'MATCH_NOT_FOUND' });
    await store.close();
  });

  it('fences appends: a process whose lease was taken over can no longer write to the match', async () => {
    const url = await freshDatabase();
    const a = await PostgresEventStore.open({ url, owner: 'proc-a' });
    const b = await PostgresEventStore.open({ url, owner: 'proc-b' });
    await a.create(newMatch('m', 'FENCE'));
    const first = sealEvents('m', null, paused(1), 1);
    expect(await codeOf(a.append('m', 0, first))).toBe('LEASE_LOST');
    expect(await a.claim('m', 'proc-a', 1)).toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    expect(await codeOf(a.append('m', 0, first))).toBe('LEASE_LOST');
    expect(await b.claim('m', 'proc-b', 60_000)).toBe(true);
    expect(await b.append('m', 0, first)).toBe(1);
    const late = sealEvents('m', first[0]!, paused(1, 1), 2);
    expect(await codeOf(a.append('m', 1, late))).toBe('LEASE_LOST');
    expect(await a.read('m')).toEqual(first);
    await Promise.all([a.close(), b.close()]);
  });

  it('keys the seat tokens of a database made before by their hash, keeping the tokens it holds', async () => {
    const url = await freshDatabase();
    const old = new pg.Client({ connectionString: url });
    await old.connect();
    await old.query(`
      CREATE TABLE matches (match_id TEXT PRIMARY KEY, join_code TEXT NOT NULL UNIQUE, status TEXT NOT NULL, classroom BOOLEAN NOT NULL,
        created_at BIGINT NOT NULL, finished_at BIGINT, facilitator_key_hash TEXT, version INTEGER NOT NULL DEFAULT 0, last_hash TEXT);
      CREATE TABLE seat_tokens (match_id TEXT NOT NULL REFERENCES matches (match_id), seat INTEGER NOT NULL, token_hash TEXT NOT NULL,
        PRIMARY KEY (match_id, seat));
      INSERT INTO matches VALUES ('m', 'OLDPG', 'live', true, 5, NULL, NULL, 0, NULL);
      INSERT INTO seat_tokens VALUES ('m', 0, 'first-token-hash');`);
    await old.end();
    const store = await PostgresEventStore.open({ url });
    expect(await store.seatForToken('m', 'first-token-hash')).toBe(0);
    await store.saveSeatToken('m', 0, 'second-token-hash');
    expect(await store.seatForToken('m', 'first-token-hash')).toBe(0);
    expect(await store.seatForToken('m', 'second-token-hash')).toBe(0);
    await store.close();
    // Opening it again finds the new key and changes nothing.
    const again = await PostgresEventStore.open({ url });
    expect(await again.seatForToken('m', 'second-token-hash')).toBe(0);
    await again.close();
  });
});
