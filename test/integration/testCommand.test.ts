import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_FILE_NEEDS, type SystemDepName } from '../support/systemDeps';

const root = process.cwd();
const fixtures = join(root, 'test/fixtures/reporter');
const vitestBin = join(root, 'node_modules/vitest/vitest.mjs');

/** Runs vitest as a process on some of the reporter's fixture files; returns the reporter's closing lines. */
function runFixtures(files: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [vitestBin, 'run', '--config', 'vitest.config.ts', ...files], {
    cwd: fixtures,
    env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const closing = result.stdout.split('\n').filter((l) => /^(Tests:|Failed outside a test:|Not run here:)/.test(l));
  return { status: result.status, closing };
}

describe('the test command', () => {
  it('counts a suite whose beforeAll threw, a file that cannot load and a throwing afterAll as failures', () => {
    const { status, closing } = runFixtures(['hookThrows', 'cannotLoad', 'afterAllThrows']);
    expect(status).toBe(1);
    expect(closing.at(-1)).toBe('Tests: 2 passed, 4 failed, 0 skipped');
    expect(closing.filter((l) => l.startsWith('Failed outside a test:')).sort()).toEqual([
      'Failed outside a test: afterAllThrows.fixture.ts: cleanup failed',
      expect.stringMatching(/^Failed outside a test: cannotLoad\.fixture\.ts: .*no-such-module/),
      'Failed outside a test: hookThrows.fixture.ts > a suite whose beforeAll throws: the server did not start',
    ]);
  }, 90_000);

  it('leaves out a file that needs a missing package, names it with the install command and counts it skipped; its hooks never run', () => {
    const { status, closing } = runFixtures(['needsPackage'], { TEST_PRETEND_MISSING: 'chromium' });
    expect(status).toBe(0);
    expect(closing).toEqual(['Not run here: needsPackage.fixture.ts: chromium not installed (sudo apt-get install -y chromium)', 'Tests: 0 passed, 0 failed, 1 skipped']);
  }, 90_000);

  it('knows every test file that starts Chromium, PostgreSQL or Redis, so a machine without one leaves it out', () => {
    const starts: Array<[RegExp, SystemDepName]> = [
      // The benchmark's CLI times the lobby and the world in Chromium.
      [/useBrowserServer|startBrowserServer|launchChromium|server\/cli\/bench\.ts/, 'chromium'],
      [/usePostgresServer|PostgresServer\.start/, 'postgresql'],
      [/RedisServer\.start/, 'redis'],
      // The load test's CLI starts both for --servers.
      [/'--servers'/, 'postgresql'],
      [/'--servers'/, 'redis'],
    ];
    const found: Record<string, SystemDepName[]> = {};
    for (const dir of ['test/unit', 'test/integration', 'test/e2e'])
      // (This file names the patterns, not the servers.)
      for (const name of readdirSync(join(root, dir)).filter((f) => f.endsWith('.test.ts') && f !== 'testCommand.test.ts')) {
        const text = readFileSync(join(root, dir, name), 'utf8');
        const needs = starts.filter(([pattern]) => pattern.test(text)).map(([, dep]) => dep);
        if (needs.length > 0) found[`${dir}/${name}`] = needs;
      }
    const declared = Object.fromEntries(Object.entries(TEST_FILE_NEEDS).map(([file, deps]) => [file, [...deps].sort()]));
    expect(Object.fromEntries(Object.entries(found).map(([file, deps]) => [file, deps.sort()]))).toEqual(declared);
  });

  it('says, where it may not install packages, one line per missing package with the command to install it', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/ensureSystemDeps.ts'], {
      cwd: root,
      env: { ...process.env, PATH: '/nonexistent', TEST_PRETEND_MISSING: 'chromium,redis' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'system packages: chromium is missing, so the browser tests will be skipped; install it with: sudo apt-get install -y chromium',
      'system packages: redis-server is missing, so the scale-out tests will be skipped; install it with: sudo apt-get install -y redis-server',
    ]);
  }, 90_000);
});
