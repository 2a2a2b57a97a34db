import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteEventStore } from '../../server/store/SqliteEventStore';
import { sealEvents } from '../../shared/replay/envelope';
import { StoreError } from '../../server/store/EventStore';
import { SCHEMA_VERSION } from '../../server/store/sqliteSchema';
import { describeEventStoreContract, facts as paused, newMatch } from '../support/storeContract';


function harness() {
  const dir = mkdtempSync(join(tmpdir(), 'store-'));
  const file = join(dir, 'closed-loop.sqlite');
  const h = {
    store: new SqliteEventStore(file),
    async reopen() {
      await h.store.close();
      h.store = new SqliteEventStore(file);
      return h.store;
    },
    async cleanup() {
      await h.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

describeEventStoreContract('SQLite', async () => harness());

describe('SqliteEventStore specifics', () => {
  it('keeps its file in WAL mode', async () => {
    const h = harness();
    await h.store.create({ matchId: 'm', joinCode: 'ABCDE', classroom: false, createdAt: 1, facilitatorKeyHash: null });
    const db = new Database((h.store as SqliteEventStore).file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    await h.cleanup();
  });

  it('appends sent at once for several matches: only the one that does not fit is refused, the others are stored', async () => {
    const h = harness();
    for (const id of ['a', 'b', 'c']) await h.store.create(newMatch(id, `CODE${id.toUpperCase()}`));
    // Sent without waiting: the writer thread finds all three queued and commits them together.
    const outcomes = await Promise.allSettled([
      h.store.append('a', 0, sealEvents('a', null, paused(3), 1)),
      h.store.append('b', 7, sealEvents('b', null, paused(2), 1)),
      h.store.append('c', 0, sealEvents('c', null, paused(1), 1)),
    ]);
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as StoreError).code))).toEqual([3, 'VERSION_CONFLICT', 1]);
    expect((await h.store.read('a')).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await h.store.read('b')).toEqual([]);
    expect((await h.store.getMatch('b'))!.version).toBe(0);
    expect((await h.store.getMatch('c'))!.version).toBe(1);
    await h.cleanup();
  });

  it('has stored every acknowledged append when close() returns, and refuses appends after it', async () => {
    const h = harness();
    await h.store.create(newMatch('m', 'CLOSE'));
    const first = sealEvents('m', null, paused(2), 1);
    const appended = h.store.append('m', 0, first);
    await h.store.close();
    await expect(appended).resolves.toBe(2);
    await expect(h.store.append('m', 2, sealEvents('m', first[1]!, paused(1, 2), 2))).rejects.toThrow();
    const reopened = await h.reopen();
    expect((await reopened.read('m')).map((e) => e.seq)).toEqual([1, 2]);
    await h.cleanup();
  });

  it('moves a file written with the first layout (events WITHOUT ROWID, one token per seat) to the current one, keeping every row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-v0-'));
    const file = join(dir, 'closed-loop.sqlite');
    const old = new Database(file);
    old.exec(`
      CREATE TABLE matches (match_id TEXT PRIMARY KEY, join_code TEXT NOT NULL UNIQUE, status TEXT NOT NULL, classroom INTEGER NOT NULL,
        created_at INTEGER NOT NULL, finished_at INTEGER, facilitator_key_hash TEXT, version INTEGER NOT NULL DEFAULT 0, last_hash TEXT);
      CREATE TABLE events (match_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, at INTEGER NOT NULL,
        prev_hash TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (match_id, seq)) WITHOUT ROWID;
      CREATE TABLE seat_tokens (match_id TEXT NOT NULL, seat INTEGER NOT NULL, token_hash TEXT NOT NULL, PRIMARY KEY (match_id, seat)) WITHOUT ROWID;`);
    const events = sealEvents('old', null, paused(4), 5);
    old.prepare(`INSERT INTO matches VALUES ('old', 'OLDER', 'live', 0, 5, NULL, NULL, 4, ?)`).run(events[3]!.hash);
    const insert = old.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const e of events) insert.run(e.matchId, e.seq, e.type, JSON.stringify(e.data), e.at, e.prevHash, e.hash);
    old.prepare(`INSERT INTO seat_tokens VALUES ('old', 0, 'hash-of-token')`).run();
    old.close();

    const store = new SqliteEventStore(file);
    expect(await store.read('old')).toEqual(events);
    expect(await store.seatForToken('old', 'hash-of-token')).toBe(0);
    // Seat tokens are keyed by their hash now: a second token for the seat leaves the first one valid.
    await store.saveSeatToken('old', 0, 'hash-of-another-token');
    expect(await store.seatForToken('old', 'hash-of-token')).toBe(0);
    expect(await store.seatForToken('old', 'hash-of-another-token')).toBe(0);
    const more = sealEvents('old', events[3]!, paused(1, 4), 6);
    await expect(store.append('old', 4, more)).resolves.toBe(5);
    await store.close();

    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE name = 'events'").get()!;
    expect(table.sql).not.toMatch(/WITHOUT ROWID/i);
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 5 });
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
