import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteEventStore } from '../../server/store/SqliteEventStore';
import { describeEventStoreContract } from '../support/storeContract';

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
});
