import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../server/store/SqliteEventStore';
import { SqliteUserStore } from '../../server/store/SqliteUserStore';
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
