import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('load test CLI', () => {
  it('plays 2 matches × 4 players × 2 quarters through its own server and reports errors: 0', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'server/cli/loadtest.ts', '--matches', '2', '--players', '4', '--quarters', '2', '--planning-seconds', '6'],
      { cwd: process.cwd(), encoding: 'utf8', timeout: 120_000 },
    );
    expect(stdout).toContain('clients connected: 8 of 8 (failed joins: 0)');
    expect(stdout).toMatch(/matches finished: 2 of 2 in/);
    // Each player sends a sheet and a lock in each of the 2 quarters.
    expect(stdout).toMatch(/commands acked: 32, \d+ commands\/s/);
    expect(stdout).toMatch(/ack latency ms: p50 [\d.]+ {2}p95 [\d.]+ {2}p99 [\d.]+ {2}max [\d.]+ {2}\(n=32\)/);
    expect(stdout).toMatch(/quarter resolution → client ms: .*\(n=16\)/);
    expect(stdout).toMatch(/server cpu mean \d+%/);
    expect(stdout).toMatch(/server cpu per acked command: \d+\.\d\d ms/);
    expect(stdout).toMatch(/server event loop delay ms: p50 [\d.]+ {2}p99 [\d.]+ {2}max [\d.]+ \(since it started/);
    expect(stdout).toMatch(/client process event loop delay ms: p50 [\d.]+ {2}p99 [\d.]+ {2}max [\d.]+ \(the worst of 2;.*\), gc pauses \d+% of their time/);
    // 8 clients in 2 matches, all playing through the same quarters.
    const peak = Number(/clients playing at once: peak (\d+)/.exec(stdout)?.[1]);
    expect(peak).toBeGreaterThanOrEqual(4);
    expect(peak).toBeLessThanOrEqual(8);
    expect(stdout).toMatch(/bytes per client per quarter: [1-9]\d*/);
    expect(stdout).toMatch(/frames per client per quarter: [1-9]\d*\.\d \(WebSocket messages received/);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('errors: 0');
  }, 150_000);

  it('refuses bad arguments with a usage message', async () => {
    const failed = await run(process.execPath, ['--import', 'tsx', 'server/cli/loadtest.ts', '--url', 'http://nope'], { cwd: process.cwd(), encoding: 'utf8' }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain('--url must look like ws://host:port');
  });
});
