import { spawnSync } from 'node:child_process';
import { installCommand, missingDeps, SYSTEM_DEPS } from './systemDeps';

/**
 * Run first by `npm test`: installs the Debian packages the tests need (Chromium, Redis,
 * PostgreSQL) when they are missing and this user may install packages, so the README's two
 * commands are all a fresh machine needs. Where it may not (no apt-get, not root and no
 * password-less sudo) it prints one line per missing package with the command to install it,
 * and the suites that need it report themselves skipped with that reason.
 */
const say = (line: string) => process.stdout.write(`system packages: ${line}\n`);

function installer(): string[] | null {
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).error) return null;
  if (process.getuid?.() === 0) return [];
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? ['sudo', '-n'] : null;
}

function aptGet(prefix: string[], args: string[]): boolean {
  const [command, ...rest] = [...prefix, 'apt-get', ...args];
  const result = spawnSync(command!, rest, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

const missing = missingDeps();
if (missing.length === 0) {
  say(`${Object.values(SYSTEM_DEPS).map((d) => d.pkg).join(', ')} present`);
  process.exit(0);
}
const pkgs = missing.map((name) => SYSTEM_DEPS[name].pkg);
const prefix = installer();
if (prefix === null) {
  for (const name of missing) {
    const dep = SYSTEM_DEPS[name];
    say(`${dep.pkg} is missing, so ${dep.usedBy} will be skipped; install it with: ${installCommand([dep.pkg])}`);
  }
  process.exit(0);
}
say(`installing ${pkgs.join(', ')} with apt-get (${missing.map((name) => SYSTEM_DEPS[name].usedBy).join('; ')})`);
if (!aptGet(prefix, ['update', '-qq']) || !aptGet(prefix, ['install', '-y', '-qq', ...pkgs])) {
  say(`apt-get could not install ${pkgs.join(', ')}; see its message above`);
  process.exit(1);
}
const still = missingDeps();
if (still.length > 0) {
  say(`still missing after apt-get: ${still.map((name) => SYSTEM_DEPS[name].pkg).join(', ')}`);
  process.exit(1);
}
say(`installed ${pkgs.join(', ')}`);
