import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../server/store/SqliteEventStore';
import { describe, it } from 'vitest';
import { SqliteRatingStore } from '../../server/store/SqliteRatingStore';
import { SqliteUserStore } from '../../server/store/SqliteUserStore';
import { ratingStoreBehaves } from '../support/ratingStoreContract';
import { describeUserStoreContract } from '../support/userStoreContract';

describeUserStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'users-'));
  const file = join(dir, 'closed-loop.sqlite');
  // The accounts live in the event store's file, beside its tables.
  const events = new SqliteEventStore(file);
  const h = {
    users: new SqliteUserStore(file),
    async reopen() {
      await h.users.close();
      h.users = new SqliteUserStore(file);
      return h.users;
    },
    async cleanup() {
      await h.users.close();
      await events.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
});

describe('ratings on SQLite', () => {
  it('keeps ratings beside the accounts: each ranked match rated once, the standings read with the users', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratings-'));
    const file = join(dir, 'closed-loop.sqlite');
    const users = new SqliteUserStore(file);
    const ratings = new SqliteRatingStore(file);
    try {
      await ratingStoreBehaves(users, ratings);
    } finally {
      await ratings.close();
      await users.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
