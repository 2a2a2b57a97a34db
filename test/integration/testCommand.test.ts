import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

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
  const closing = result.stdout.split('\n').filter((l) => /^(Tests:|Failed outside a test:|Skipped:)/.test(l));
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

  it('skips a suite that needs a missing package with the reason and the install command, and never runs its hooks', () => {
    const { status, closing } = runFixtures(['needsPackage'], { TEST_PRETEND_MISSING: 'chromium' });
    expect(status).toBe(0);
    expect(closing).toEqual([
      'Skipped: needsPackage.fixture.ts > a browser suite (skipped: chromium not installed (sudo apt-get install -y chromium))',
      'Tests: 0 passed, 0 failed, 1 skipped',
    ]);
  }, 90_000);

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
