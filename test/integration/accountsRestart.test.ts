import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { accountsSurviveRestart } from '../support/accountFlow';

// A file of its own: @colyseus/auth's settings and the rooms' context are one per process, so its
// servers must not run beside another test's.
describe('accounts on SQLite', () => {
  it('keeps the accounts and the tokens handed out across a restart (the JWT secret is kept in the SQLite file)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'accounts-restart-'));
    try {
      await accountsSurviveRestart({ dataDir });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
