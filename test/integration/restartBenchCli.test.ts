import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bench = (args: string[]) => run(process.execPath, ['--import', 'tsx', 'server/cli/restartBench.ts', ...args], { cwd: process.cwd(), encoding: 'utf8' });

// The figures in docs/operations.md come from this command; here a small run shows that it still
// measures what it says (its numbers are for the benchmark, not for a test on a shared machine).
describe('restart benchmark CLI', () => {
  it('fills a store, restarts on it hosting no waiting match, and prints the list cost beside the folded one', async () => {
    const { stdout } = await bench(['--finished', '100', '--waiting', '20', '--clients', '0', '--requests', '5']);
    expect(stdout).toMatch(/store filled in \d+ s: 100 finished matches \(four bots, six quarters\), 20 waiting/);
    expect(stdout).toMatch(/restart: \d+ ms to "server ready" \(empty store \d+ ms\); rss \d+ MiB \(empty store \d+ MiB\); matches hosted at start: 0 /);
    expect(stdout).toMatch(/GET \/api\/matches\?status=finished \(100 matches\), idle server: p50 [\d.]+ .* \(n=5\)/);
    const cost = /server cpu per request: ([\d.]+) ms from stored listings vs ([\d.]+) ms folding the 100 logs/.exec(stdout);
    expect(cost).not.toBeNull();
    expect(Number(cost![2])).toBeGreaterThan(0);
    expect(stdout).not.toContain('while 0 clients play');
  }, 180_000);

  it('refuses an unknown option with its usage', async () => {
    const failed = await bench(['--wat']).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('usage: npm run bench:restart');
  });
});
