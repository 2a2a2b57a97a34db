import { type ChildProcess, spawn } from 'node:child_process';
import { limitsEnv, NO_LIMITS } from '../../server/config';
import { freePort } from './freePort';

/** The real server as a child process (`npm start`'s entry), for crash and restart tests. */
export class ServerProcess {
  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
    readonly output: string[],
  ) {}

  /**
   * `env` adds to (or overrides) the server's environment, e.g. DATABASE_URL and REDIS_URL. The
   * abuse limits are off unless `env` sets them: tests and load tests make many matches from one address.
   */
  static start(dataDir: string, port = 0, env: Record<string, string> = {}): Promise<ServerProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: process.cwd(),
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info', ...limitsEnv(NO_LIMITS), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join('')}`)), 20_000);
      child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
      child.stdout!.on('data', (d: Buffer) => {
        output.push(d.toString());
        for (const line of d.toString().split('\n')) {
          if (!line.includes('"server ready"')) continue;
          clearTimeout(timer);
          resolve(new ServerProcess(child, (JSON.parse(line) as { port: number }).port, output));
        }
      });
      child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output.join('')}`)));
    });
  }

  /**
   * One of several processes on a shared PostgreSQL and Redis: its own free port, which is also its
   * public address (the seat reservations of the rooms it hosts name it).
   */
  static async startShared(dataDir: string, shared: { databaseUrl: string; redisUrl: string }, env: Record<string, string> = {}): Promise<ServerProcess> {
    const port = await freePort();
    return ServerProcess.start(dataDir, port, { ...env, DATABASE_URL: shared.databaseUrl, REDIS_URL: shared.redisUrl, PUBLIC_ADDRESS: `127.0.0.1:${port}` });
  }

  api(path: string, init?: RequestInit): Promise<Response> {
    return fetch(`http://127.0.0.1:${this.port}${path}`, init);
  }

  /** SIGKILL: no cleanup, no flush; only what was committed survives. */
  kill(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill('SIGKILL');
    });
  }

  stop(): Promise<number | null> {
    return new Promise((resolve) => {
      this.child.once('exit', (code) => resolve(code));
      this.child.kill('SIGINT');
    });
  }
}
