import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './freePort';
import { whyMissing } from './systemDeps';

/**
 * A throwaway Debian `redis-server` for tests: loopback only, a free port, no persistence
 * (no RDB, no AOF), its working directory in a temp folder that stop() removes.
 */
export class RedisServer {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<RedisServer> {
    const missing = whyMissing(['redis']);
    if (missing) throw new Error(`redis-server cannot start: ${missing}; npm test installs it where apt-get may.`);
    const dir = mkdtempSync(join(tmpdir(), 'closed-loop-redis-'));
    const port = await freePort();
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'];
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output.join('')}`)), 30_000);
        child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
        child.stdout!.on('data', (d: Buffer) => {
          output.push(d.toString());
          if (!output.join('').includes('Ready to accept connections')) return;
          clearTimeout(timer);
          resolve();
        });
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`redis-server exited with ${code}:\n${output.join('')}`));
        });
      });
    } catch (e) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
    return new RedisServer(child, dir, port);
  }

  get pid(): number {
    return this.child.pid!;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null)
      await new Promise<void>((resolve) => {
        this.child.once('exit', () => resolve());
        this.child.kill('SIGTERM');
      });
    rmSync(this.dir, { recursive: true, force: true });
  }
}
