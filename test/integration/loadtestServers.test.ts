import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('load test CLI on two server processes', () => {
  it('starts PostgreSQL, Redis and two processes, plays matches on both and reports the CPU of each part', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'server/cli/loadtest.ts', '--servers', '2', '--matches', '2', '--players', '4', '--quarters', '2', '--planning-seconds', '6'],
      { cwd: process.cwd(), encoding: 'utf8', timeout: 150_000 },
    );
    const header = stdout.split('\n').find((l) => l.startsWith('load test: '))!;
    // One match created on each process; its four players join it there.
    const urls = [...header.matchAll(/ws:\/\/127\.0\.0\.1:(\d+) \(started here, pid \d+\)/g)].map((m) => m[1]);
    expect(header).toContain('2 server processes on PostgreSQL and Redis');
    expect(new Set(urls).size).toBe(2);
    expect(stdout).toContain('clients connected: 8 of 8 (failed joins: 0)');
    expect(stdout).toMatch(/matches finished: 2 of 2 in/);
    expect(stdout).toMatch(/commands acked: 32, \d+ commands\/s/);
    // Both processes did work: each resolved its match's quarters and answered its commands.
    for (const n of [1, 2]) {
      const perCommand = Number(new RegExp(`server ${n} cpu mean \\d+%, peak \\d+%; rss peak \\d+ MiB, (\\d+\\.\\d\\d) ms per acked command of the run`).exec(stdout)?.[1]);
      expect(perCommand).toBeGreaterThan(0);
      expect(stdout).toMatch(new RegExp(`server ${n} event loop delay ms: p50 [\\d.]+ {2}p99 [\\d.]+ {2}max [\\d.]+`));
    }
    expect(stdout).toMatch(/server cpu per acked command: \d+\.\d\d ms, the 2 processes together/);
    const postgres = Number(/store cpu per acked command: PostgreSQL (\d+\.\d\d) ms/.exec(stdout)?.[1]);
    // Every acked command is a PostgreSQL transaction: its backends' CPU is counted.
    expect(postgres).toBeGreaterThan(0);
    expect(stdout).toMatch(/Redis \d+\.\d\d ms/);
    expect(stdout).toMatch(/all server-side cpu per acked command: \d+\.\d\d ms/);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('errors: 0');
  }, 180_000);

  it('refuses --servers together with --url', async () => {
    const failed = await run(process.execPath, ['--import', 'tsx', 'server/cli/loadtest.ts', '--servers', '2', '--url', 'ws://127.0.0.1:1'], { cwd: process.cwd(), encoding: 'utf8' }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain('--servers starts servers here; --url names one already running');
  });
});
