import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LIMITS, limitsEnv } from '../config';
import { type FloodReport, postJson } from './flood';
import { intArg, parseArgs, UsageError } from './args';
import type { LoadMatch, WorkerReport, WorkerTask } from './loadWorker';
import { LoadServers } from './loadServers';
import type { ClientRecord } from './loadClient';
import { ProcSampler, type ProcSample, quantile } from './procSampler';
import type { DelaySummary } from '../eventLoopDelay';

const USAGE = `usage: npm run loadtest -- --matches N --players N --quarters N [--planning-seconds S]
         [--url ws://host:port | --servers N] [--workers N] [--json FILE] [--limits] [--flood S]

Plays N matches with bot-driven WebSocket clients (real @colyseus/sdk clients in --workers
processes) against a server: one it starts itself on a free port with a temporary DATA_DIR, or
the one at --url. Every client thinks for up to half the planning window each quarter (stopping
early enough to leave a quarter of the window before the timer), then sends the sheet and the
lock its bot chooses from its own view. Ends with a line "errors: N".

--servers N (2 to 4): it starts N server processes instead of one, sharing a PostgreSQL and a
Redis server it starts on loopback, and creates the matches on them in turn; the CPU of each
process, of PostgreSQL (with its connections) and of Redis is reported.

The server it starts has no abuse limits, unless --limits: then it has the defaults (joins
excepted: every client here shares one address), and each match is created from its own
loopback address. --flood S: meanwhile a script creates matches as fast as it can for S seconds
from 127.0.0.2 (server/cli/flood.ts); its answers are reported.`;

interface Options {
  matches: number;
  players: number;
  quarters: number;
  planningSeconds: number;
  url: string | null;
  servers: number;
  workers: number;
  json: string | null;
  limits: boolean;
  flood: number;
}

function readOptions(argv: readonly string[]): Options {
  const args = parseArgs(argv, { matches: 'value', players: 'value', quarters: 'value', 'planning-seconds': 'value', url: 'value', servers: 'value', workers: 'value', json: 'value', limits: 'flag', flood: 'value' });
  const url = args.get('url') ?? null;
  if (url !== null && !/^wss?:\/\/[^/]+$/.test(url)) throw new UsageError(`--url must look like ws://host:port (got "${url}")`);
  if (url !== null && (args.has('limits') || args.has('flood'))) throw new UsageError('--limits and --flood are for the server the load test starts itself, not one given by --url');
  if (url !== null && args.has('servers')) throw new UsageError('--servers starts servers here; --url names one already running: give one of them');
  return {
    matches: intArg(args, 'matches', 250, 1, 10_000),
    players: intArg(args, 'players', 4, 1, 8),
    quarters: intArg(args, 'quarters', 20, 1, 60),
    planningSeconds: intArg(args, 'planning-seconds', 2, 1, 3600),
    url,
    servers: intArg(args, 'servers', 1, 1, 4),
    workers: intArg(args, 'workers', 2, 1, 64),
    json: args.get('json') ?? null,
    limits: args.has('limits'),
    flood: intArg(args, 'flood', 0, 0, 3600),
  };
}

const httpOf = (url: string) => url.replace(/^ws/, 'http');

/**
 * The matches to play, created on the servers in turn (a match lives in the process that created
 * it, and its players join it there); under the limits each from its own loopback address
 * (127.0.1.x), as players on their own machines would.
 */
async function createMatches(urls: readonly string[], o: Options): Promise<LoadMatch[]> {
  const matches: LoadMatch[] = [];
  for (let i = 0; i < o.matches; i++) {
    const url = urls[i % urls.length]!;
    const body = JSON.stringify({ seats: o.players, bots: [], planningSeconds: o.planningSeconds, quarters: o.quarters, seed: `load-${i}` });
    const res = await postJson(`${httpOf(url)}/api/matches`, body, o.limits ? `127.0.1.${(i % 250) + 1}` : undefined);
    if (res.status !== 201) throw new Error(`creating match ${i} failed: ${res.status} ${res.text}`);
    matches.push({ matchId: (JSON.parse(res.text) as { matchId: string }).matchId, url });
  }
  return matches;
}

/** The flood script as a process of its own, as an attacker's would be; resolves to its report. */
function startFlood(http: string, seconds: number): { pid: number; report: Promise<FloodReport> } {
  const child = fork(fileURLToPath(new URL('./flood.ts', import.meta.url)), ['--url', http, '--seconds', String(seconds), '--from', '127.0.0.2'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const report = new Promise<FloodReport>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as FloodReport) : reject(new Error(`the flood script exited with ${code}`)))),
  );
  return { pid: child.pid!, report };
}

/** When each quarter of a match was resolved on the server (its QuarterResolved event's time). */
async function resolvedAt(http: string, matchId: string): Promise<Map<number, number>> {
  const text = await (await fetch(`${http}/api/matches/${matchId}/events`)).text();
  const at = new Map<number, number>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const e = JSON.parse(line) as { type: string; at: number; data: { quarter?: number } };
    if (e.type === 'QuarterResolved') at.set(e.data.quarter!, e.at);
  }
  return at;
}

function runWorker(task: WorkerTask, onJoined: (n: number) => void): { pid: number; report: Promise<WorkerReport> } {
  const child = fork(fileURLToPath(new URL('./loadWorker.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  const report = new Promise<WorkerReport>((resolve, reject) => {
    child.on('message', (m: { kind: 'joined'; connected: number } | { kind: 'report'; report: WorkerReport }) => {
      if (m.kind === 'joined') onJoined(m.connected);
      else resolve(m.report);
    });
    child.on('exit', (code) => reject(new Error(`load worker ${child.pid} exited with ${code} before reporting`)));
  });
  child.send(task);
  return { pid: child.pid!, report };
}

/** Other work on the machine skews every figure: the report states how busy it was. */
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!;

const ms = (v: number) => `${v.toFixed(1)}`;
const pcts = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99), max: s[s.length - 1] ?? 0, n: s.length };
};
const pctLine = (p: ReturnType<typeof pcts>) => `p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)}  (n=${p.n})`;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function timeline(samples: ProcSample[], buckets = 12): string {
  if (samples.length === 0) return '(not sampled)';
  const step = Math.max(1, Math.ceil(samples.length / buckets));
  const out: string[] = [];
  for (let i = 0; i < samples.length; i += step) {
    const chunk = samples.slice(i, i + step);
    out.push(`${Math.round(chunk[0]!.t)}s ${Math.round(mean(chunk.map((c) => c.cpuPercent)))}% ${Math.round(Math.max(...chunk.map((c) => c.rssMiB)))}MiB`);
  }
  return out.join(' | ');
}

async function main(): Promise<void> {
  let o: Options;
  try {
    o = readOptions(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`loadtest: ${e.message}\n${USAGE}\n`);
    process.exit(2);
  }
  // Under the limits, joins are left open: every client of this test shares one address.
  const started = o.url ? null : await LoadServers.start(o.servers, o.limits ? limitsEnv({ ...DEFAULT_LIMITS, joinPerMinute: 0, joinBurst: 0 }) : {});
  const servers = started?.servers ?? [];
  const urls = o.url ? [o.url] : servers.map((s) => s.url);
  try {
    const say = (line: string) => process.stdout.write(`${line}\n`);
    const where = started
      ? `${servers.length === 1 ? 'server' : `${servers.length} server processes on PostgreSQL and Redis:`} ${servers.map((s) => `${s.url} (started here, pid ${s.process.child.pid})`).join(', ')}${o.limits ? ', default abuse limits but joins' : ''}`
      : `server ${o.url}`;
    say(`load test: ${o.matches} matches × ${o.players} players, ${o.quarters} quarters, planning ${o.planningSeconds} s, ${o.workers} client processes, ${where}`);
    const loadStart = loadAverage();
    const matches = await createMatches(urls, o);
    const matchIds = matches.map((m) => m.matchId);
    const shares = Array.from({ length: o.workers }, (_, w) => matches.filter((_, i) => i % o.workers === w)).filter((s) => s.length > 0);
    const flooding = o.flood > 0 ? startFlood(httpOf(urls[0]!), o.flood) : null;
    const startedAt = Date.now();
    let joined = 0;
    const workers = shares.map((matches) =>
      runWorker(
        { matches, players: o.players, planningSeconds: o.planningSeconds, joinConcurrency: 16, stallMs: Math.max(30_000, o.planningSeconds * 10_000) },
        (n) => {
          joined += n;
        },
      ),
    );
    const serverPids = servers.map((s) => s.process.child.pid!);
    // The database's and Redis's processes: the game servers' commands cost their CPU too.
    const [postgresPid, redisPid] = [started?.postgres?.pid, started?.redis?.pid];
    const storePids = postgresPid !== undefined && redisPid !== undefined ? [postgresPid, redisPid] : [];
    const sampler = new ProcSampler([...serverPids, ...storePids, ...workers.map((w) => w.pid)], 1000, new Set(storePids));
    const settled = await Promise.allSettled(workers.map((w) => w.report));
    const flood = flooding ? await flooding.report.catch((e: unknown) => String(e)) : null;
    sampler.stop();
    const reports = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const workerFailures = settled.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []));
    const records = reports.flatMap((r) => r.records);

    // Read before the event-log downloads below, which are the test's own work, not the run's.
    const serverDelays = await Promise.all(urls.map((url) => serverEventLoopDelay(httpOf(url))));
    const at = new Map<string, Map<number, number>>();
    for (const m of matches) at.set(m.matchId, await resolvedAt(httpOf(m.url), m.matchId).catch(() => new Map()));
    const resolution = records.flatMap((r) => r.seen.flatMap(([q, t]) => (at.get(r.matchId)?.has(q) ? [t - at.get(r.matchId)!.get(q)!] : [])));
    const acks = records.flatMap((r) => r.ackMs);
    const firstSent = Math.min(...records.filter((r) => r.firstSentAt > 0).map((r) => r.firstSentAt));
    const lastAck = Math.max(...records.map((r) => r.lastAckAt));
    const seconds = Math.max(0.001, (lastAck - firstSent) / 1000);
    const quartersSeen = records.reduce((n, r) => n + r.seen.length, 0);
    const bytes = reports.reduce((n, r) => n + r.bytesReceived, 0);
    const frames = reports.reduce((n, r) => n + r.framesReceived, 0);
    const finished = records.filter((r) => r.finished).length;
    const matchesFinished = matchIds.filter((id) => records.filter((r) => r.matchId === id && r.finished).length === o.players).length;
    const failedJoins = reports.flatMap((r) => r.failedJoins);
    const refusals = records.flatMap((r) => r.refusals);
    const dropped = records.flatMap((r) => (r.dropped ? [`${r.matchId}: ${r.dropped}`] : []));
    const unfinished = records.length - finished - dropped.length;
    const floodFailed = typeof flood === 'string' ? [flood] : [];
    const errors = failedJoins.length + refusals.length + dropped.length + Math.max(0, unfinished) + workerFailures.length + floodFailed.length;

    const samplesOf = (pid: number) => sampler.samples.get(pid) ?? [];
    const serverSamples = serverPids.map(samplesOf);
    const clientSamples = workers.flatMap((w) => sampler.samples.get(w.pid) ?? []);
    const ackP = pcts(acks);
    const resP = pcts(resolution);
    if (flood && typeof flood !== 'string')
      say(`flood: ${flood.sent} match creations in ${flood.seconds} s from 127.0.0.2, answered ${Object.entries(flood.byStatus).map(([status, n]) => `${status} × ${n}`).join(', ')} (${Object.entries(flood.byCode).map(([code, n]) => `${code} × ${n}`).join(', ') || 'no refusals'})`);
    say(`clients connected: ${joined} of ${o.matches * o.players} (failed joins: ${failedJoins.length})`);
    say(`matches finished: ${matchesFinished} of ${o.matches} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    say(`commands acked: ${acks.length}, ${Math.round(acks.length / seconds)} commands/s over ${seconds.toFixed(1)} s`);
    say(`clients playing at once: peak ${peakPlaying(records)} (a client plays from its first command to its last ack; matches start as their seats fill)`);
    say(`ack latency ms: ${pctLine(ackP)}`);
    say(`quarter resolution → client ms: ${pctLine(resP)}`);
    const perCommand = (pids: readonly number[]) => (acks.length ? ((pids.reduce((n, pid) => n + sampler.cpuSeconds(pid), 0) * 1000) / acks.length).toFixed(2) : '-');
    const cpuLine = (samples: ProcSample[]) =>
      `mean ${Math.round(mean(samples.map((s) => s.cpuPercent)))}%, peak ${Math.round(Math.max(0, ...samples.map((s) => s.cpuPercent)))}%; rss peak ${Math.round(Math.max(0, ...samples.map((s) => s.rssMiB)))} MiB`;
    if (serverPids.length === 1) {
      say(`server cpu (% of one core) and rss over time: ${timeline(serverSamples[0]!)}`);
      say(`server cpu per acked command: ${perCommand(serverPids)} ms (quarter resolutions, joins and broadcasts included)`);
      say(`server cpu ${cpuLine(serverSamples[0]!)}`);
    } else if (serverPids.length > 1) {
      serverSamples.forEach((samples, i) => say(`server ${i + 1} cpu (% of one core) and rss over time: ${timeline(samples)}`));
      serverPids.forEach((pid, i) => say(`server ${i + 1} cpu ${cpuLine(serverSamples[i]!)}, ${perCommand([pid])} ms per acked command of the run`));
      say(`server cpu per acked command: ${perCommand(serverPids)} ms, the ${serverPids.length} processes together (quarter resolutions, joins and broadcasts included)`);
      say(`store cpu per acked command: PostgreSQL ${perCommand([postgresPid!])} ms (${cpuLine(samplesOf(postgresPid!))}), Redis ${perCommand([redisPid!])} ms (${cpuLine(samplesOf(redisPid!))})`);
      say(`all server-side cpu per acked command: ${perCommand([...serverPids, ...storePids])} ms`);
    } else say('server cpu and rss: not sampled (remote server given by --url)');
    serverDelays.forEach((delay, i) =>
      say(`server ${serverDelays.length > 1 ? `${i + 1} ` : ''}event loop delay ms: ${delayLine(delay)} (since ${started ? 'it' : 'that server'} started: how long a message waited behind other work)`),
    );
    say(`client processes cpu mean ${Math.round(mean(clientSamples.map((s) => s.cpuPercent)) * workers.length)}% of one core in total`);
    const worst = [...reports].sort((a, b) => (b.eventLoopDelayMs?.p99 ?? 0) - (a.eventLoopDelayMs?.p99 ?? 0))[0];
    say(`client process event loop delay ms: ${delayLine(worst?.eventLoopDelayMs ?? null)} (the worst of ${reports.length}; it adds to every latency above), gc pauses ${Math.round(100 * mean(reports.map((r) => r.gcShare)))}% of their time`);
    say(`bytes per client per quarter: ${quartersSeen ? Math.round(bytes / quartersSeen) : 0} (all payload bytes received, first full state included)`);
    say(`frames per client per quarter: ${quartersSeen ? (frames / quartersSeen).toFixed(1) : 0} (WebSocket messages received: patches, acks, chat)`);
    const byKind = new Map<string, number>();
    for (const line of [...failedJoins.map((f) => `join: ${f.replace(/^[^:]+: /, '')}`), ...refusals, ...dropped.map(() => 'dropped'), ...workerFailures, ...floodFailed])
      byKind.set(line.split(':')[0]!, (byKind.get(line.split(':')[0]!) ?? 0) + 1);
    for (const [kind, n] of byKind) say(`  error: ${kind} × ${n}`);
    for (const line of [...failedJoins, ...refusals, ...dropped, ...workerFailures].slice(0, 5)) say(`  e.g. ${line}`);
    say(`machine load average (1 min) at start ${loadStart}, at end ${loadAverage()}`);
    if (unfinished > 0) say(`  error: ${unfinished} clients saw no end of their match`);
    if (o.json)
      writeFileSync(
        o.json,
        JSON.stringify(
          { options: o, flood, connected: joined, failedJoins: failedJoins.length, matchesFinished, commandsAcked: acks.length, commandsPerSec: acks.length / seconds, ackMs: ackP, resolutionMs: resP, servers: serverSamples, serverEventLoopDelayMs: serverDelays, clientEventLoopDelayMs: reports.map((r) => r.eventLoopDelayMs), bytesPerClientQuarter: quartersSeen ? bytes / quartersSeen : 0, framesPerClientQuarter: quartersSeen ? frames / quartersSeen : 0, errors },
          null,
          2,
        ),
      );
    say(`errors: ${errors}`);
  } finally {
    await started?.stop();
  }
}

async function serverEventLoopDelay(http: string): Promise<DelaySummary | null> {
  try {
    const health = (await (await fetch(`${http}/api/health`)).json()) as { eventLoopDelayMs?: DelaySummary | null };
    return health.eventLoopDelayMs ?? null;
  } catch {
    return null;
  }
}

const delayLine = (d: DelaySummary | null) => (d ? `p50 ${ms(d.p50)}  p99 ${ms(d.p99)}  max ${ms(d.max)}` : 'not reported');

/** The most clients that were between their first command and their last ack at the same moment. */
function peakPlaying(records: readonly ClientRecord[]): number {
  const marks = records.filter((r) => r.firstSentAt > 0).flatMap((r): Array<[number, number]> => [[r.firstSentAt, 1], [r.lastAckAt, -1]]);
  // At the same millisecond a client that stops is counted out before one that starts is counted in.
  marks.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, step] of marks) {
    now += step;
    peak = Math.max(peak, now);
  }
  return peak;
}

await main();
