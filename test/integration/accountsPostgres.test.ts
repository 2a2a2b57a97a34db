import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { PostgresRatingStore } from '../../server/store/PostgresRatingStore';
import { PostgresUserStore } from '../../server/store/PostgresUserStore';
import { accountsSurviveRestart } from '../support/accountFlow';
import { ratingStoreBehaves } from '../support/ratingStoreContract';
import { usePostgresServer } from '../support/usePostgresServer';

const pgLive = usePostgresServer();

describe('accounts on PostgreSQL', () => {
  it('keeps the accounts and their tokens in the database across a restart of the server', async () => {
    const databaseUrl = await pgLive.server.createDatabase('accounts');
    const dataDir = mkdtempSync(join(tmpdir(), 'accounts-pg-'));
    try {
      await accountsSurviveRestart({ dataDir, databaseUrl });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps ratings beside the accounts: each ranked match rated once, the standings read with the users', async () => {
    const url = await pgLive.server.createDatabase('ratings');
    const users = await PostgresUserStore.open({ url });
    const ratings = await PostgresRatingStore.open(url);
    try {
      await ratingStoreBehaves(users, ratings);
    } finally {
      await ratings.close();
      await users.close();
    }
  });
});
