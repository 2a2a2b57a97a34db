import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './freePort';
import { postgresBinDir, whyMissing } from './systemDeps';

const run = promisify(execFile);
const SUPERUSER = 'closedloop';

/** The newest Debian PostgreSQL's bin folder, or a clear error saying what to install. */
function postgresBin(): string {
  const bin = postgresBinDir();
  if (bin === null) throw new Error(`PostgreSQL cannot start: ${whyMissing(['postgresql'])}; npm test installs it where apt-get may.`);
  return bin;
}

/**
 * A throwaway PostgreSQL server for tests: its own data directory in a temp folder, on a free
 * loopback port, trust authentication for one superuser, removed again by stop(). initdb refuses
 * to run as root, so as root the server runs as the Debian `postgres` user.
 */
export class PostgresServer {
  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    private readonly asUser: string | null,
    readonly port: number,
  ) {}

  static async start(): Promise<PostgresServer> {
    const bin = postgresBin();
    const dir = mkdtempSync(join(tmpdir(), 'closed-loop-pg-'));
    const asUser = process.getuid?.() === 0 ? 'postgres' : null;
    if (asUser) {
      const uid = Number((await run('id', ['-u', asUser])).stdout.trim());
      const gid = Number((await run('id', ['-g', asUser])).stdout.trim());
      chownSync(dir, uid, gid);
    }
    const server = new PostgresServer(bin, dir, asUser, await freePort());
    try {
      await server.exec('initdb', ['-D', server.dataDir, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
      const settings = `-c listen_addresses=127.0.0.1 -p ${server.port} -k ${dir}`;
      await server.exec('pg_ctl', ['start', '-w', '-t', '60', '-D', server.dataDir, '-l', join(dir, 'server.log'), '-o', settings]);
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
    return server;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private exec(tool: string, args: string[]) {
    const path = join(this.bin, tool);
    return this.asUser ? run('runuser', ['-u', this.asUser, '--', path, ...args], { cwd: this.dir }) : run(path, args, { cwd: this.dir });
  }

  /** The postmaster's process id (its backends are its children). */
  get pid(): number {
    return Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  }

  url(database = 'postgres'): string {
    return `postgres://${SUPERUSER}@127.0.0.1:${this.port}/${database}`;
  }

  /** A new empty database; returns its connection URL. */
  async createDatabase(name: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
    return this.url(name);
  }

  async stop(): Promise<void> {
    try {
      // Immediate: the data is thrown away next, so no shutdown checkpoint is worth waiting for.
      await this.exec('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', this.dataDir]);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
