import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresServer } from '../../test/support/postgresServer';
import { RedisServer } from '../../test/support/redisServer';
import { ServerProcess } from '../../test/support/serverProcess';

/** A game server process the load test started, with the address its clients use. */
export interface LoadServer {
  process: ServerProcess;
  url: string;
}

/**
 * The servers a load test plays against when it starts them itself: one process on its own
 * SQLite file (as `npm start` runs), or several sharing a PostgreSQL and a Redis server on
 * loopback (as docs/operations.md sets up), each with its own port and public address.
 */
export class LoadServers {
  private constructor(
    readonly servers: readonly LoadServer[],
    private readonly dir: string,
    readonly postgres: PostgresServer | null,
    readonly redis: RedisServer | null,
  ) {}

  static async start(count: number, env: Record<string, string> = {}): Promise<LoadServers> {
    const dir = mkdtempSync(join(tmpdir(), 'loadtest-'));
    if (count === 1) {
      const one = await ServerProcess.start(join(dir, 'data'), 0, env);
      return new LoadServers([{ process: one, url: `ws://127.0.0.1:${one.port}` }], dir, null, null);
    }
    const [redis, postgres] = await Promise.all([RedisServer.start(), PostgresServer.start()]);
    const servers: LoadServer[] = [];
    // Filled as the processes start, so that a failure stops the ones already running.
    const started = new LoadServers(servers, dir, postgres, redis);
    try {
      const databaseUrl = await postgres.createDatabase('loadtest');
      for (let i = 0; i < count; i++) {
        const process = await ServerProcess.startShared(join(dir, `data-${i}`), { databaseUrl, redisUrl: redis.url }, env);
        servers.push({ process, url: `ws://127.0.0.1:${process.port}` });
      }
      return started;
    } catch (e) {
      await started.stop();
      throw e;
    }
  }

  async stop(): Promise<void> {
    for (const s of this.servers) if (s.process.child.exitCode === null && s.process.child.signalCode === null) await s.process.stop();
    await this.redis?.stop();
    await this.postgres?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
