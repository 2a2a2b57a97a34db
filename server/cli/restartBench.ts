import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GameEvent } from '../../shared/domain/events';
import { sealEvents } from '../../shared/replay/envelope';
import { fold } from '../../shared/replay/fold';
import { matchOver } from '../../shared/rules/reveal';
import { ServerProcess } from '../../test/support/serverProcess';
import { systemClock } from '../match/clock';
import { nativeSha256Hex } from '../match/digest';
import { publicListing } from '../match/listing';
import { MatchRegistry } from '../match/MatchRegistry';
import { newJoinCode, newMatchId } from '../match/secrets';
import { StoreError } from '../store/EventStore';
import { SqliteEventStore } from '../store/SqliteEventStore';
import { intArg, parseArgs, UsageError } from './args';
import { ProcSampler, quantile, rssMiB } from './procSampler';

const USAGE = `usage: npm run bench:restart -- [--finished N] [--waiting N] [--clients N] [--requests N]

Fills a SQLite store with N finished matches (four bots, six quarters; 50 played, the rest copies
re-sealed under their own ids) and N waiting ones, restarts the server on it, and measures: the
restart time and RSS beside an empty store's; GET /api/matches?status=finished latency and server
CPU per request, beside what folding the listed logs costs (how lists were answered before
listings were stored); and the same GET while --clients clients play (npm run loadtest).`;

const FAMILY = 50;
const BOTS = [
  { strategy: 'robotaxi', difficulty: 'normal' },
  { strategy: 'robots', difficulty: 'normal' },
  { strategy: 'satellites', difficulty: 'hard' },
  { strategy: 'balanced', difficulty: 'normal' },
] as const;

const say = (line: string) => process.stdout.write(`${line}\n`);
const pct = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${quantile(s, 0.5).toFixed(1)}  p95 ${quantile(s, 0.95).toFixed(1)}  p99 ${quantile(s, 0.99).toFixed(1)}  max ${(s.at(-1) ?? 0).toFixed(1)} ms (n=${s.length})`;
};

/** The store a long-running server would leave behind: finished matches and lobbies nobody joined. */
async function fill(file: string, finished: number, waiting: number): Promise<void> {
  const store = new SqliteEventStore(file);
  const registry = new MatchRegistry(store, systemClock);
  const played: string[] = [];
  for (let i = 0; i < Math.min(FAMILY, finished); i++) {
    const { matchId } = await registry.create({ seats: 4, bots: [...BOTS], winLoops: 2, planningSeconds: 0, quarters: 6, seed: `restart-${i}` });
    const host = await registry.open(matchId);
    while (!matchOver(host.current)) await host.idle();
    played.push(matchId);
  }
  const sources = await Promise.all(played.map(async (id) => ({ log: await store.read(id), final: (await registry.open(id)).current })));
  for (let i = played.length; i < finished; i++) {
    const source = sources[i % sources.length]!;
    const matchId = newMatchId(Date.now());
    const joinCode = await createRow(store, matchId);
    const events = source.log.map((e) => ({ type: e.type, data: e.type === 'MatchCreated' ? { ...e.data, matchId } : e.data }) as GameEvent);
    await store.append(matchId, 0, sealEvents(matchId, null, events, Date.now(), nativeSha256Hex));
    await store.markFinished(matchId, Date.now());
    const final = { ...source.final, matchId };
    await store.saveListing(matchId, JSON.stringify(await publicListing({ matchId, joinCode, classroom: false }, final, events.length, async () => [])));
  }
  for (let i = 0; i < waiting; i++) {
    const { matchId } = await registry.create({ seats: 4, bots: [BOTS[i % 4]!], winLoops: 2, planningSeconds: 60, seed: `lobby-${i}` });
    await registry.release(await registry.open(matchId));
  }
  await registry.close();
  await store.close();
}

async function createRow(store: SqliteEventStore, matchId: string): Promise<string> {
  for (;;) {
    const joinCode = newJoinCode();
    try {
      await store.create({ matchId, joinCode, classroom: false, createdAt: Date.now(), facilitatorKeyHash: null });
      return joinCode;
    } catch (e) {
      if (!(e instanceof StoreError) || e.code !== 'JOIN_CODE_TAKEN') throw e;
    }
  }
}

/** Server CPU per GET: `n` requests one after another, the server's CPU ticks counted around them. */
async function measureList(server: ServerProcess, n: number): Promise<{ latencies: number[]; cpuMsPerRequest: number }> {
  const sampler = new ProcSampler([server.child.pid!], 60_000);
  const latencies: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await server.api('/api/matches?status=finished');
    const body = (await res.json()) as unknown[];
    latencies.push(performance.now() - t);
    if (res.status !== 200 || body.length !== 100) throw new Error(`GET /api/matches?status=finished answered ${res.status} with ${body.length} matches`);
  }
  sampler.stop();
  return { latencies, cpuMsPerRequest: (sampler.cpuSeconds(server.child.pid!) * 1000) / n };
}

/** What a list cost before listings were stored: the 100 listed logs read and folded, per request. */
async function foldedListCost(file: string): Promise<number> {
  const store = new SqliteEventStore(file);
  const records = await store.listMatches({ status: 'finished', listed: true, limit: 100 });
  const rounds = 3;
  const cpu = process.cpuUsage();
  for (let r = 0; r < rounds; r++)
    for (const record of records) {
      const log = await store.read(record.matchId);
      await publicListing(record, fold(log), record.version, async () => log);
    }
  const used = process.cpuUsage(cpu);
  await store.close();
  return (used.user + used.system) / 1000 / rounds;
}

async function startTimed(dir: string): Promise<{ server: ServerProcess; ms: number; rss: number; recovered: number }> {
  const t = performance.now();
  const server = await ServerProcess.start(dir);
  const ms = performance.now() - t;
  const ready = server.output.join('').split('\n').find((l) => l.includes('"server ready"'));
  // Settled: what the process holds once start-up garbage is gone.
  await new Promise((r) => setTimeout(r, 2000));
  return { server, ms, rss: rssMiB(server.child.pid!), recovered: ready ? (JSON.parse(ready) as { recovered: number }).recovered : -1 };
}

/** GETs every 100 ms while a load test plays against the server; their latencies. */
async function listWhilePlaying(server: ServerProcess, clients: number): Promise<{ latencies: number[]; loadtest: string[]; cpuPercent: number; rssPeak: number }> {
  const matches = Math.max(1, Math.round(clients / 4));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/cli/loadtest.ts', '--url', `ws://127.0.0.1:${server.port}`, '--matches', String(matches), '--players', '4', '--quarters', '20', '--planning-seconds', '2'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const out: string[] = [];
  child.stdout!.on('data', (d: Buffer) => out.push(d.toString()));
  const done = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let over = false;
  void done.then(() => (over = true));
  const sampler = new ProcSampler([server.child.pid!], 1000);
  const latencies: number[] = [];
  // Wait until the clients have joined and play (their matches start as the seats fill).
  await new Promise((r) => setTimeout(r, 3000));
  while (!over) {
    const t = performance.now();
    await (await server.api('/api/matches?status=finished')).json();
    latencies.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 100));
  }
  sampler.stop();
  const samples = sampler.samples.get(server.child.pid!) ?? [];
  return {
    latencies,
    loadtest: out.join('').split('\n').filter((l) => /^(clients connected|matches finished|ack latency|errors)/.test(l)),
    cpuPercent: samples.length ? samples.reduce((a, s) => a + s.cpuPercent, 0) / samples.length : 0,
    rssPeak: Math.max(0, ...samples.map((s) => s.rssMiB)),
  };
}

async function main(): Promise<void> {
  let finished: number;
  let waiting: number;
  let clients: number;
  let requests: number;
  try {
    const args = parseArgs(process.argv.slice(2), { finished: 'value', waiting: 'value', clients: 'value', requests: 'value' });
    finished = intArg(args, 'finished', 10_000, 100, 1_000_000);
    waiting = intArg(args, 'waiting', 10_000, 0, 1_000_000);
    clients = intArg(args, 'clients', 100, 0, 2_000);
    requests = intArg(args, 'requests', 200, 1, 100_000);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`bench:restart: ${e.message}\n${USAGE}\n`);
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'restart-bench-'));
  const emptyDir = mkdtempSync(join(tmpdir(), 'restart-bench-empty-'));
  try {
    const t = performance.now();
    await fill(join(dir, 'closed-loop.sqlite'), finished, waiting);
    say(`store filled in ${((performance.now() - t) / 1000).toFixed(0)} s: ${finished} finished matches (four bots, six quarters), ${waiting} waiting`);

    const empty = await startTimed(emptyDir);
    await empty.server.stop();
    const full = await startTimed(dir);
    say(`restart: ${full.ms.toFixed(0)} ms to "server ready" (empty store ${empty.ms.toFixed(0)} ms); rss ${full.rss.toFixed(0)} MiB (empty store ${empty.rss.toFixed(0)} MiB); matches hosted at start: ${full.recovered} (waiting ones are hosted on their first join)`);

    await measureList(full.server, 20);
    const idle = await measureList(full.server, requests);
    const folded = await foldedListCost(join(dir, 'closed-loop.sqlite'));
    say(`GET /api/matches?status=finished (100 matches), idle server: ${pct(idle.latencies)}`);
    say(`  server cpu per request: ${idle.cpuMsPerRequest.toFixed(2)} ms from stored listings vs ${folded.toFixed(1)} ms folding the 100 logs (as before): ${(folded / Math.max(0.01, idle.cpuMsPerRequest)).toFixed(0)}× less`);
    if (clients > 0) {
      const busy = await listWhilePlaying(full.server, clients);
      say(`GET /api/matches?status=finished while ${clients} clients play: ${pct(busy.latencies)}`);
      say(`  server cpu mean ${busy.cpuPercent.toFixed(0)}% of one core, rss peak ${busy.rssPeak.toFixed(0)} MiB`);
      for (const line of busy.loadtest) say(`  loadtest: ${line}`);
    }
    await full.server.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(emptyDir, { recursive: true, force: true });
  }
}

await main();
