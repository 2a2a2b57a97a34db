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

const USAGE = `usage: npm run bench:flood -- [--matches 25] [--players 4] [--quarters 40] [--planning-seconds 8] [--flood 60] [--workers 2] [--pairs 1]

Runs the load test twice (after a short one to warm up) against a server with the default abuse limits (joins left open: its
clients share one address), each match made from its own loopback address: once as it is, once
while a script creates matches as fast as it can from 127.0.0.2 for --flood seconds. Prints the
server's peak RSS, event-loop p99 and the clients' ack p99 side by side. --pairs N runs N such
pairs (alternating, without the flood first) and prints each pair and the medians: this machine's
noise moves one pair's event-loop p99 by more than a flood does.`;

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
    args = parseArgs(process.argv.slice(2), { matches: 'value', players: 'value', quarters: 'value', 'planning-seconds': 'value', flood: 'value', workers: 'value', pairs: 'value' });
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
    const pairs = intArg(args, 'pairs', 1, 1, 20);
    const runs: Array<{ quiet: LoadReport; flooded: LoadReport }> = [];
    for (let i = 1; i <= pairs; i++) {
      process.stdout.write(`\n== pair ${i}/${pairs}: without the flood\n`);
      const quiet = await loadtest(common, join(dir, `quiet-${i}.json`));
      process.stdout.write(`\n== pair ${i}/${pairs}: with a flood of match creations for ${floodSeconds} s\n`);
      const flooded = await loadtest([...common, '--flood', String(floodSeconds)], join(dir, `flood-${i}.json`));
      runs.push({ quiet, flooded });
    }
    const rss = (r: LoadReport) => Math.max(0, ...r.server.map((s) => s.rssMiB));
    const cpu = (r: LoadReport) => r.server.reduce((n, s) => n + s.cpuPercent, 0) / Math.max(1, r.server.length);
    const rows: Array<[string, (r: LoadReport) => number, string]> = [
      ['server RSS peak', rss, 'MiB'],
      ['server event loop p99', (r) => r.serverEventLoopDelayMs?.p99 ?? NaN, 'ms'],
      ['ack p99', (r) => r.ackMs.p99, 'ms'],
      ['ack p50', (r) => r.ackMs.p50, 'ms'],
      ['server CPU mean', cpu, '% of a core'],
    ];
    const median = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    };
    const change = (a: number, b: number) => (a > 0 ? `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(0)}%` : '-');
    const table = (title: string, quiet: (of: (r: LoadReport) => number) => number, flooded: (of: (r: LoadReport) => number) => number) => {
      process.stdout.write(`\n${title.padEnd(24)}${'without'.padStart(12)}${'with flood'.padStart(12)}  change\n`);
      for (const [name, of, unit] of rows) {
        const [a, b] = [quiet(of), flooded(of)];
        process.stdout.write(`${name.padEnd(24)}${a.toFixed(1).padStart(12)}${b.toFixed(1).padStart(12)}  ${change(a, b)} (${unit})\n`);
      }
    };
    runs.forEach((r, i) => table(pairs > 1 ? `pair ${i + 1}` : 'figure', (of) => of(r.quiet), (of) => of(r.flooded)));
    if (pairs > 1) table(`median of ${pairs}`, (of) => median(runs.map((r) => of(r.quiet))), (of) => median(runs.map((r) => of(r.flooded))));
    for (const { flooded } of runs) {
      const f = flooded.flood;
      if (f && typeof f !== 'string') process.stdout.write(`flood: ${f.sent} requests, ${Object.entries(f.byStatus).map(([s, n]) => `${s} × ${n}`).join(', ')}\n`);
    }
    process.stdout.write(`errors: ${runs.reduce((n, r) => n + r.quiet.errors + r.flooded.errors, 0)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
