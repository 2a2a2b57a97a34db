import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { accountsSurviveRestart } from '../support/accountFlow';
import { usePostgresServer } from '../support/postgresServer';

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
});
