import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { intArg, parseArgs, UsageError } from './args';
import type { ProcSample } from './procSampler';
import type { DelaySummary } from '../eventLoopDelay';
import type { FloodReport } from './flood';

const USAGE = `usage: npm run bench:flood -- [--matches 25] [--players 4] [--quarters 40] [--planning-seconds 8] [--flood 60] [--workers 2]

Runs the load test twice (after a short one to warm up) against a server with the default abuse limits (joins left open: its
clients share one address), each match made from its own loopback address: once as it is, once
while a script creates matches as fast as it can from 127.0.0.2 for --flood seconds. Prints the
server's peak RSS, event-loop p99 and the clients' ack p99 side by side.`;

interface LoadReport {
  flood: FloodReport | string | null;
  connected: number;
  matchesFinished: number;
  commandsAcked: number;
  ackMs: { p50: number; p99: number; max: number; n: number };
  server: ProcSample[];
  serverEventLoopDelayMs: DelaySummary | null;
  errors: number;
}

const run = promisify(execFile);
const LOADTEST = fileURLToPath(new URL('./loadtest.ts', import.meta.url));

async function loadtest(args: string[], json: string): Promise<LoadReport> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', LOADTEST, ...args, '--limits', '--json', json], { encoding: 'utf8', maxBuffer: 16 << 20 });
  process.stdout.write(stdout);
  return JSON.parse(readFileSync(json, 'utf8')) as LoadReport;
}

async function main(): Promise<void> {
  let args: Map<string, string>;
  try {
    args = parseArgs(process.argv.slice(2), { matches: 'value', players: 'value', quarters: 'value', 'planning-seconds': 'value', flood: 'value', workers: 'value' });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`floodBench: ${e.message}\n${USAGE}\n`);
    process.exit(2);
  }
  const floodSeconds = intArg(args, 'flood', 60, 1, 3600);
  const common = [
    ['--matches', intArg(args, 'matches', 25, 1, 10_000)],
    ['--players', intArg(args, 'players', 4, 1, 8)],
    ['--quarters', intArg(args, 'quarters', 40, 1, 60)],
    ['--planning-seconds', intArg(args, 'planning-seconds', 8, 1, 3600)],
    ['--workers', intArg(args, 'workers', 2, 1, 64)],
  ].flatMap(([name, value]) => [String(name), String(value)]);
  const dir = mkdtempSync(join(tmpdir(), 'flood-bench-'));
  try {
    // The first run on a machine compiles every module (tsx) in the server and the clients: a short one first, so it is neither pair's.
    process.stdout.write(`== warming up\n`);
    await loadtest(['--matches', '2', '--players', '4', '--quarters', '2', '--planning-seconds', '2'], join(dir, 'warm.json'));
    process.stdout.write(`\n== without the flood\n`);
    const quiet = await loadtest(common, join(dir, 'quiet.json'));
    process.stdout.write(`\n== with a flood of match creations for ${floodSeconds} s\n`);
    const flooded = await loadtest([...common, '--flood', String(floodSeconds)], join(dir, 'flood.json'));
    const rss = (r: LoadReport) => Math.max(0, ...r.server.map((s) => s.rssMiB));
    const cpu = (r: LoadReport) => r.server.reduce((n, s) => n + s.cpuPercent, 0) / Math.max(1, r.server.length);
    const rows: Array<[string, (r: LoadReport) => number, string]> = [
      ['server RSS peak', rss, 'MiB'],
      ['server event loop p99', (r) => r.serverEventLoopDelayMs?.p99 ?? NaN, 'ms'],
      ['ack p99', (r) => r.ackMs.p99, 'ms'],
      ['ack p50', (r) => r.ackMs.p50, 'ms'],
      ['server CPU mean', cpu, '% of a core'],
    ];
    process.stdout.write(`\n${'figure'.padEnd(24)}${'without'.padStart(12)}${'with flood'.padStart(12)}  change\n`);
    for (const [name, of, unit] of rows) {
      const [a, b] = [of(quiet), of(flooded)];
      process.stdout.write(`${name.padEnd(24)}${a.toFixed(1).padStart(12)}${b.toFixed(1).padStart(12)}  ${a > 0 ? `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(0)}%` : '-'} (${unit})\n`);
    }
    const f = flooded.flood;
    if (f && typeof f !== 'string') process.stdout.write(`flood: ${f.sent} requests, ${Object.entries(f.byStatus).map(([s, n]) => `${s} × ${n}`).join(', ')}\n`);
    process.stdout.write(`errors: ${quiet.errors + flooded.errors}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
