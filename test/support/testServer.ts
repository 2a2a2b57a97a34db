import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { jsonLogger, NO_LIMITS, type ServerConfig } from '../../server/config';
import { startServer, type RunningServer } from '../../server/index';

/**
 * The real server in this test process, on a free loopback port with a temporary data dir,
 * started before the file's tests and stopped (its data removed) after them. No abuse limits
 * unless `config` sets some: tests make many matches from one address.
 */
export function useTestServer(prefix: string, config: Partial<ServerConfig> = {}): { readonly server: RunningServer; readonly dir: string } {
  const live = {} as { server: RunningServer; dir: string };
  beforeAll(async () => {
    live.dir = mkdtempSync(join(tmpdir(), prefix));
    live.server = await startServer({ port: 0, dataDir: live.dir, logLevel: 'error', limits: NO_LIMITS, ...config }, jsonLogger('error', () => undefined));
  });
  afterAll(async () => {
    await live.server?.close();
    if (live.dir) rmSync(live.dir, { recursive: true, force: true });
  });
  return live;
}
