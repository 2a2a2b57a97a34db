import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { BOT_DIFFICULTIES, BOT_STRATEGIES, type BotDifficulty } from '../../shared/domain/ids';
import { SIM_POLICIES, type SimStrategy } from '../../shared/sim/policies';
import { DEFAULT_SCENARIO } from '../../shared/scenario/loadScenario';
import { withQuarters } from '../../shared/scenario/variants';
import { headToHead, pairsOf, renderHeadToHead } from '../../shared/sim/headToHead';
import { DEFAULT_POOL, type SimPlan } from '../../shared/sim/matchPlan';
import { buildSimReport, renderSimReport, type MatchSummary } from '../../shared/sim/simReport';
import { intArg, parseArgs, UsageError } from './args';

const USAGE = `usage: npm run simulate -- --matches N --players N --seed S
         [--strategies balanced,robotaxi,robots,satellites,vertical,random]
         [--challenger idle|allin-robotaxi|allin-robots|allin-satellites|STRATEGY]
         [--difficulty easy|normal|hard|mixed] [--quarters N] [--win-loops 1|2|3]
         [--workers N] [--json FILE] [--matrix]

Plays whole bot matches headless and prints a markdown report. Without --strategies every seat
draws one of ${DEFAULT_POOL.join(', ')} from the seed; --difficulty mixed also draws each
seat's difficulty (the report then compares hard and easy bots of the same strategy).
--challenger puts one seat of every match in that strategy or policy (idle never orders,
allin-<line> puts all its cash into one line), against bots drawn from the pool.
--matrix plays --matches two-player matches for every pair of strategies in the pool and prints
how often each beat each other (--players and --challenger do not apply).`;

const KNOWN: readonly string[] = [...BOT_STRATEGIES, ...SIM_POLICIES];

interface CliOptions {
  plan: SimPlan;
  matrix: boolean;
  quarters: number;
  workers: number;
  json: string | null;
}

export function readOptions(argv: readonly string[]): CliOptions {
  const args = parseArgs(argv, {
    matches: 'value',
    players: 'value',
    seed: 'value',
    strategies: 'value',
    difficulty: 'value',
    quarters: 'value',
    'win-loops': 'value',
    challenger: 'value',
    matrix: 'flag',
    workers: 'value',
    json: 'value',
  });
  const seed = args.get('seed') ?? '';
  if (seed.trim() === '') throw new UsageError('--seed is required: every run is reproducible from its seed');
  const pool = (args.get('strategies')?.split(',').map((s) => s.trim()) ?? DEFAULT_POOL) as SimStrategy[];
  const challenger = args.get('challenger');
  for (const s of [...pool, ...(challenger === undefined ? [] : [challenger])])
    if (!KNOWN.includes(s)) throw new UsageError(`unknown strategy "${s}" (${KNOWN.join(', ')})`);
  const difficulty = (args.get('difficulty') ?? 'normal') as BotDifficulty | 'mixed';
  if (difficulty !== 'mixed' && !BOT_DIFFICULTIES.includes(difficulty))
    throw new UsageError(`--difficulty must be easy, normal, hard or mixed (got "${difficulty}")`);
  return {
    plan: {
      matches: intArg(args, 'matches', 100, 1, 1_000_000),
      players: intArg(args, 'players', 4, 1, 8),
      seed,
      pool,
      ...(challenger === undefined ? {} : { fixed: [challenger as SimStrategy] }),
      difficulty,
      winLoops: intArg(args, 'win-loops', 2, 1, 3),
    },
    matrix: args.has('matrix'),
    quarters: intArg(args, 'quarters', DEFAULT_SCENARIO.quarters, 1, 60),
    workers: intArg(args, 'workers', availableParallelism(), 1, 64),
    json: args.get('json') ?? null,
  };
}

function progress(done: number, total: number, started: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const rate = done / Math.max(0.001, (performance.now() - started) / 1000);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} matches · ${rate.toFixed(0)}/s `);
  if (done === total) process.stderr.write('\n');
}

/** Plays the plan on `workers` threads (matches dealt round-robin) and collects every summary. */
export function runOnWorkers(plan: SimPlan, quarters: number, workers: number, onProgress?: (done: number) => void): Promise<MatchSummary[]> {
  const scenario = quarters === DEFAULT_SCENARIO.quarters ? DEFAULT_SCENARIO : withQuarters(DEFAULT_SCENARIO, quarters);
  const count = Math.min(workers, plan.matches);
  const summaries: MatchSummary[] = [];
  const jobs = Array.from({ length: count }, (_, w) => {
    const indices: number[] = [];
    for (let i = w; i < plan.matches; i += count) indices.push(i);
    return new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./tsWorker.mjs', import.meta.url), {
        workerData: { entry: new URL('./simWorker.ts', import.meta.url).href, plan, scenario, indices },
        // Whole matches make many short-lived objects: a roomier young generation means fewer collections.
        resourceLimits: { maxYoungGenerationSizeMb: 192 },
      });
      worker.on('message', (summary: MatchSummary) => {
        summaries.push(summary);
        onProgress?.(summaries.length);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`simulator thread exited with ${code}`))));
    });
  });
  return Promise.all(jobs).then(() => summaries);
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`simulate: ${e.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  const { plan, quarters, workers, json } = options;
  const command = `npm run simulate -- ${process.argv.slice(2).join(' ')}`;
  if (options.matrix) {
    const results = [];
    for (const pair of pairsOf(plan.pool)) {
      process.stderr.write(`${pair[0]} against ${pair[1]}…\n`);
      results.push({ pair, summaries: await runOnWorkers({ ...plan, players: 2, fixed: pair }, quarters, workers) });
    }
    const h = headToHead(plan.pool, results, plan.seed);
    process.stdout.write(renderHeadToHead(h, command));
    if (json) writeFileSync(json, `${JSON.stringify(h, null, 2)}\n`);
    return;
  }
  const started = performance.now();
  const showProgress = plan.matches >= 100;
  let lastShown = 0;
  const summaries = await runOnWorkers(plan, quarters, workers, (done) => {
    if (!showProgress) return;
    const step = process.stderr.isTTY ? 1 : Math.ceil(plan.matches / 10);
    if (done - lastShown >= step || done === plan.matches) {
      lastShown = done;
      progress(done, plan.matches, started);
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const report = buildSimReport(summaries, {
    players: plan.players,
    seed: plan.seed,
    quarters,
    winLoops: plan.winLoops,
    difficulty: plan.difficulty,
    foundryReserveUsd: DEFAULT_SCENARIO.foundry.reserveUsd,
    seconds,
  });
  process.stdout.write(renderSimReport(report, command));
  if (json) writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) await main();
