import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A Debian package some tests need, and how to tell it is on this machine. */
export interface SystemDep {
  /** The Debian package that provides it. */
  readonly pkg: string;
  /** What the tests use it for, for the line that says it is missing. */
  readonly usedBy: string;
  present(): boolean;
}

const onPath = (command: string) => !spawnSync(command, ['--version'], { stdio: 'ignore' }).error;

/** The newest Debian PostgreSQL's bin folder (/usr/lib/postgresql/<major>/bin), or null. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const majors = readdirSync(root).filter((d) => existsSync(join(root, d, 'bin', 'pg_ctl')) && existsSync(join(root, d, 'bin', 'initdb')));
  majors.sort((a, b) => Number(b) - Number(a));
  return majors.length > 0 ? join(root, majors[0]!, 'bin') : null;
}

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const SYSTEM_DEPS = {
  chromium: { pkg: 'chromium', usedBy: 'the browser tests', present: () => existsSync(CHROMIUM_PATH) },
  redis: { pkg: 'redis-server', usedBy: 'the scale-out tests', present: () => onPath('redis-server') },
  postgresql: { pkg: 'postgresql', usedBy: 'the PostgreSQL store and scale-out tests', present: () => postgresBinDir() !== null },
} satisfies Record<string, SystemDep>;

export type SystemDepName = keyof typeof SYSTEM_DEPS;

export const installCommand = (pkgs: readonly string[]) => `sudo apt-get install -y ${pkgs.join(' ')}`;

/** Names listed here (comma-separated) count as missing: how the tests of the skip path itself run on a machine that has everything. */
const pretendMissing = () => (process.env.TEST_PRETEND_MISSING ?? '').split(',').filter(Boolean);

/** The names among `needs` whose package is not installed. */
export function missingDeps(needs: readonly SystemDepName[] = Object.keys(SYSTEM_DEPS) as SystemDepName[]): SystemDepName[] {
  const pretend = pretendMissing();
  return needs.filter((name) => pretend.includes(name) || !SYSTEM_DEPS[name].present());
}

/** Which of `needs` are not installed and how to install them, or null when all are. */
export function whyMissing(needs: readonly SystemDepName[]): string | null {
  const pkgs = missingDeps(needs).map((name) => SYSTEM_DEPS[name].pkg);
  return pkgs.length === 0 ? null : `${pkgs.join(', ')} not installed (${installCommand(pkgs)})`;
}

/** Test files that need system packages, by path from the folder vitest runs in. */
export type FileNeeds = Readonly<Record<string, readonly SystemDepName[]>>;

/** The project's test files that need system packages (a test checks it names every file that starts one). */
export const TEST_FILE_NEEDS: FileNeeds = {
  'test/e2e/accessibility.test.ts': ['chromium'],
  'test/e2e/accounts.test.ts': ['chromium'],
  'test/e2e/benchCli.test.ts': ['chromium'],
  'test/e2e/canvasMotion.test.ts': ['chromium'],
  'test/e2e/chat.test.ts': ['chromium'],
  'test/e2e/classroom.test.ts': ['chromium'],
  'test/e2e/keyboardMatch.test.ts': ['chromium'],
  'test/e2e/playMatch.test.ts': ['chromium'],
  'test/e2e/quickMatch.test.ts': ['chromium'],
  'test/e2e/quarterSequence.test.ts': ['chromium'],
  'test/e2e/worldZoom.test.ts': ['chromium'],
  'test/e2e/replay.test.ts': ['chromium'],
  'test/e2e/soundVolume.test.ts': ['chromium'],
  'test/e2e/worldBench.test.ts': ['chromium'],
  'test/integration/accountsPostgres.test.ts': ['postgresql'],
  'test/integration/postgresStore.test.ts': ['postgresql'],
  'test/integration/matchLeases.test.ts': ['postgresql'],
  'test/integration/loadtestServers.test.ts': ['redis', 'postgresql'],
  'test/integration/scaleOut.test.ts': ['redis', 'postgresql'],
};

export interface NotRun {
  file: string;
  reason: string;
}

/**
 * The files of `needs` this machine cannot run, with why: vitest leaves them out (so no hook of
 * theirs crashes) and the summary reporter lists and counts them as skipped.
 */
export function filesNotRunHere(needs: FileNeeds): NotRun[] {
  return Object.entries(needs).flatMap(([file, deps]) => {
    const reason = whyMissing(deps);
    return reason === null ? [] : [{ file, reason }];
  });
}
