import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { BotSpec } from '../../shared/domain/ids';
import { buildSnapshots, fold, stateAt } from '../../shared/replay/fold';
import { decide, decideNext } from '../../shared/rules/decide';
import { applyEvent, evolveAll } from '../../shared/rules/evolve';
import { initialState } from '../../shared/rules/initialState';
import { DEFAULT_SCENARIO } from '../../shared/scenario/loadScenario';
import { DEFAULT_POOL, runPlannedMatch, type SimPlan } from '../../shared/sim/matchPlan';
import { runBotMatch } from '../../shared/sim/runBotMatch';
import { clonePlain } from '../../shared/util/clonePlain';
import { parseArgs, UsageError } from './args';
import { lobbyBytes, lobbyInteractiveMs } from './clientBench';
import { bytesPerQuarter, recordedMatch, roomThroughput, storeCost } from './serverBench';
import { wireCosts } from './wireBench';
import { runOnWorkers } from './simulate';
import { worldFrameTimes } from './worldBench';

const USAGE = 'usage: npm run bench -- [--json FILE] [--quick]';

/** --quick: every part runs briefly, to check that the benchmark still runs (its figures mean little then). */
let quick = false;

/** Runs `fn` repeatedly for about `ms` milliseconds (after `warmMs` of warm-up); returns runs per second. */
function rate(fn: () => void, ms = quick ? 60 : 1500, warmMs = ms / 4): number {
  const warm = performance.now();
  while (performance.now() - warm < warmMs) fn();
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    fn();
    runs++;
  }
  return runs / ((performance.now() - start) / 1000);
}

/** Median time of `runs` calls, in milliseconds. */
function medianMs(fn: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const mixed = (n: number): BotSpec[] => Array.from({ length: n }, (_, i) => ({ strategy: DEFAULT_POOL[i % DEFAULT_POOL.length]!, difficulty: 'normal' }));

async function main(): Promise<void> {
  let json: string | null;
  try {
    const args = parseArgs(process.argv.slice(2), { json: 'value', quick: 'flag' });
    json = args.get('json') ?? null;
    quick = args.has('quick');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`bench: ${e.message}\n${USAGE}\n`);
    process.exit(2);
  }

  // Engine: the same recorded match through the live path (evolveAll: a new state per command,
  // the old one untouched) and the replay path (the same recipes as plain mutation on a private clone).
  const groups = runBotMatch({ seed: 'bench-engine', bots: mixed(4), record: true }).recorded;
  const events = groups.flat();
  const liveRuns = rate(() => {
    let s = initialState();
    for (const g of groups) s = evolveAll(s, g);
  });
  const directRuns = rate(() => {
    const s = clonePlain(initialState());
    for (const e of events) applyEvent(s, e);
  });
  const engine = {
    events: events.length,
    liveEventsPerSec: Math.round(liveRuns * events.length),
    directEventsPerSec: Math.round(directRuns * events.length),
    ratio: Math.round((directRuns / liveRuns) * 10) / 10,
  };

  // Host: a quarter's resolution as the server applies it. Before: decided on a copy, then the
  // events applied again to a second copy (evolveAll). Now: decideNext keeps the first copy.
  const q11 = events.findIndex((e) => e.type === 'PlanningEnded' && e.data.quarter === 11);
  const planning = fold(events.slice(0, q11));
  const endPlanning = { type: 'EndPlanning', data: { quarter: 11 } } as const;
  const system = { actor: { role: 'system' } } as const;
  const twiceRuns = rate(() => evolveAll(planning, decide(planning, endPlanning, system)));
  const onceRuns = rate(() => decideNext(planning, endPlanning, system));
  const host = { resolveTwicePerSec: Math.round(twiceRuns), resolveOncePerSec: Math.round(onceRuns), ratio: Math.round((onceRuns / twiceRuns) * 100) / 100 };

  // Whole four-bot matches: one core (this thread), then every core (worker threads).
  let i = 0;
  const plan: SimPlan = { matches: 0, players: 4, seed: 'bench-sim', pool: DEFAULT_POOL, difficulty: 'normal', winLoops: 2 };
  // Whole matches exercise every code path: give the JIT a few hundred matches before timing.
  const oneCore = rate(() => runPlannedMatch(plan, i++, DEFAULT_SCENARIO), quick ? 300 : 5000, quick ? 100 : 2500);
  const cores = availableParallelism();
  const allPlan = { ...plan, matches: quick ? 10 * cores : Math.max(100, Math.round(oneCore * cores * 6)) };
  // Threads take a moment to load; time the run from the tenth of the matches to the end.
  const skip = Math.round(allPlan.matches / 10);
  let from = 0;
  await runOnWorkers(allPlan, DEFAULT_SCENARIO.quarters, cores, (done) => {
    if (done === skip) from = performance.now();
  });
  const allCores = (allPlan.matches - skip) / ((performance.now() - from) / 1000);
  const sim = { matchesPerSecOneCore: Math.round(oneCore * 10) / 10, matchesPerSec: Math.round(allCores * 10) / 10, cores };

  // Replay: an eight-seat match rebuilt from its log, and its last quarter reached from a snapshot.
  const big = runBotMatch({ seed: 'bench-replay', bots: mixed(8), record: true }).recorded.flat();
  const foldMs = medianMs(() => fold(big), 30);
  // Its last quarter: a match ends early once a company has closed its loops (the race).
  const lastQuarter = buildSnapshots(big).at(-1)!.quarter;
  stateAt(big, lastQuarter);
  const seekMs = medianMs(() => stateAt(big, lastQuarter), 30);
  const replay = { events: big.length, foldMs: Math.round(foldMs * 100) / 100, seekMs: Math.round(seekMs * 1000) / 1000 };

  // Server: what a player receives, what the store writes, what the rooms sustain.
  const match = recordedMatch();
  const net = bytesPerQuarter(match);
  const wire = wireCosts(match, quick ? 3 : 11);
  const storage = storeCost(match);
  const room = quick ? await roomThroughput(10, 1) : await roomThroughput();
  const server = {
    deltaBytesPerQuarter: net.deltaBytes,
    fullJsonBytesPerQuarter: net.fullJsonBytes,
    deltaShare: Math.round((net.deltaBytes / net.fullJsonBytes) * 1000) / 1000,
    typedWire: wire.typed,
    stringWire: wire.strings,
    appendBytesPerCommand: storage.appendBytes,
    appendUsPerCommand: storage.appendUs,
    snapshotBytesPerCommand: storage.snapshotBytes,
    snapshotUsPerCommand: storage.snapshotUs,
    roomCommandsPerSec: room.commandsPerSec,
    roomAckP50Ms: room.p50Ms,
    roomAckP99Ms: room.p99Ms,
    roomClients: room.clients,
  };

  // Client: what the lobby costs to load, and how soon it is usable in headless Chromium.
  const lobby = lobbyBytes();
  const client = { lobbyGzipBytes: lobby.gzipBytes, lobbyInteractiveMs: await lobbyInteractiveMs(quick ? 1 : 5) };
  // The world: frame times while quarters play out, what the match screen adds, what art and sounds weigh.
  const world = await worldFrameTimes(quick ? { players: 4, quarters: 1 } : {});

  const row = (name: string, value: string, note = '') => `${name.padEnd(44)} ${value.padStart(14)}  ${note}`;
  const out = [
    `Closed Loop benchmark (one run, side by side)${quick ? ' — quick: a check that it runs, not figures' : ''}`,
    '',
    row('engine: live path (new state per command) events/s', engine.liveEventsPerSec.toLocaleString('en-US')),
    row('engine: replay path (plain mutation) events/s', engine.directEventsPerSec.toLocaleString('en-US')),
    row('engine: replay / live', `${engine.ratio}×`, '(target ≥ 5×)'),
    row('host: quarter resolutions/s, applied twice (before)', host.resolveTwicePerSec.toLocaleString('en-US')),
    row('host: quarter resolutions/s, applied once (decideNext)', host.resolveOncePerSec.toLocaleString('en-US'), `(${host.ratio}× as many)`),
    row('sim: 4-bot 20-quarter matches/s, one core', String(sim.matchesPerSecOneCore), '(target ≥ 200)'),
    row(`sim: matches/s, ${cores} cores`, String(sim.matchesPerSec), `(${(sim.matchesPerSec / sim.matchesPerSecOneCore).toFixed(2)}× one core)`),
    row(`replay: fold an 8-seat match (${replay.events} events), ms`, String(replay.foldMs)),
    row('replay: last quarter from its snapshot, ms', String(replay.seekMs), `(${(replay.foldMs / replay.seekMs).toFixed(0)}× faster than a fold)`),
    row('net: bytes to one player per quarter, deltas', server.deltaBytesPerQuarter.toLocaleString('en-US')),
    row('net: same, full JSON state after each change', server.fullJsonBytesPerQuarter.toLocaleString('en-US'), `(deltas are ${(server.deltaShare * 100).toFixed(1)}%; target ≤ 25%)`),
    row('net: same, JSON-string fields (before #17)', wire.strings.bytesPerQuarter.toLocaleString('en-US'), `(typed deltas are ${((wire.typed.bytesPerQuarter / wire.strings.bytesPerQuarter) * 100).toFixed(0)}% of them)`),
    row('room state: project + encode per command, typed µs', String(wire.typed.usPerCommand), `(one player's view; median of ${quick ? 3 : 11} runs)`),
    row('room state: same, JSON-string fields µs', String(wire.strings.usPerCommand), `(typed costs ${(wire.typed.usPerCommand / wire.strings.usPerCommand).toFixed(1)}×)`),
    row('store: bytes written per command, event append', server.appendBytesPerCommand.toLocaleString('en-US'), `${server.appendUsPerCommand} µs`),
    row('store: bytes written per command, whole JSON', server.snapshotBytesPerCommand.toLocaleString('en-US'), `${server.snapshotUsPerCommand} µs`),
    row('client: gzipped JS+CSS before the lobby works', client.lobbyGzipBytes.toLocaleString('en-US'), '(target ≤ 450 KB; Phaser loads with the match)'),
    row('client: navigation to a usable lobby, ms', String(client.lobbyInteractiveMs), '(target ≤ 1,500)'),
    row('client: gzipped JS+CSS the match screen adds', world.matchGzipBytes.toLocaleString('en-US'), '(target ≤ 500 KB, Phaser included)'),
    row('world: art and sounds, bytes', world.artBytes.toLocaleString('en-US'), '(target < 1 MB)'),
    row(`world: frame time while a quarter plays, median ms`, String(world.medianFrameMs), `(${world.players} players, 1280×720, ${world.frames} frames of ${world.quarters} quarters)`),
    row('world: same, p95 ms', String(world.p95FrameMs), '(target ≤ 33; headless Chromium, SwiftShader)'),
    row(`room: commands/s, ${server.roomClients} WebSocket clients`, String(server.roomCommandsPerSec), `(each paced at 18/s; ack p50 ${server.roomAckP50Ms} ms, p99 ${server.roomAckP99Ms} ms)`),
    '',
  ];
  process.stdout.write(out.join('\n'));
  if (json) writeFileSync(json, `${JSON.stringify({ engine, host, sim, replay, server, client, world }, null, 2)}\n`);
  process.exit(0);
}

await main();
