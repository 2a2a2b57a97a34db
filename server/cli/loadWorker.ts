// A load-test worker process: its share of the matches' players as real SDK clients.
import './countingWebSocket';
import { PerformanceObserver } from 'node:perf_hooks';
import { type DelaySummary, eventLoopDelay, watchEventLoop } from '../eventLoopDelay';
import { received } from './countingWebSocket';
import { type ClientRecord, LoadClient } from './loadClient';

/** A match to play, and the server (ws://host:port) whose process hosts it. */
export interface LoadMatch {
  matchId: string;
  url: string;
}

export interface WorkerTask {
  matches: LoadMatch[];
  players: number;
  planningSeconds: number;
  /** Joins in flight at once, so the server's matchmaker is not hit by a thousand at the same instant. */
  joinConcurrency: number;
  /** Give up on clients whose match has not ended after this long without any progress. */
  stallMs: number;
}

export interface WorkerReport {
  connected: number;
  failedJoins: string[];
  records: ClientRecord[];
  bytesReceived: number;
  framesReceived: number;
  joinedAt: number;
  /** How long this process's own event loop kept messages waiting (it inflates every latency it measures). */
  eventLoopDelayMs: DelaySummary | null;
  /** Share of the run's wall time spent in garbage-collection pauses. */
  gcShare: number;
}

/** Garbage-collection pause time since the process started, in ms. */
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

async function run(task: WorkerTask): Promise<WorkerReport> {
  watchEventLoop();
  const startedAt = performance.now();
  const seats = task.matches.flatMap(({ matchId, url }) => Array.from({ length: task.players }, (_, i) => ({ matchId, url, name: `load-${i}` })));
  const clients: LoadClient[] = [];
  const failedJoins: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: task.joinConcurrency }, async () => {
      while (next < seats.length) {
        const { matchId, url, name } = seats[next++]!;
        try {
          // Thinking for up to half the planning window leaves the other half for the server.
          clients.push(await LoadClient.join(url, matchId, { name }, task.planningSeconds * 500));
        } catch (e) {
          failedJoins.push(`${matchId}: ${String((e as Error).message ?? e)}`);
        }
      }
    }),
  );
  process.send!({ kind: 'joined', connected: clients.length });
  const joinedAt = Date.now();
  // Progress = any client seeing a new quarter; a run that stops moving ends instead of hanging.
  let progress = Date.now();
  let seenCount = 0;
  await Promise.race([
    Promise.all(clients.map((c) => c.whenDone())),
    new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const seen = clients.reduce((n, c) => n + c.record.seen.length, 0);
        if (seen !== seenCount) {
          seenCount = seen;
          progress = Date.now();
        }
        if (Date.now() - progress > task.stallMs) {
          clearInterval(timer);
          resolve();
        }
      }, 500);
      timer.unref();
    }),
  ]);
  const eventLoopDelayMs = eventLoopDelay();
  const gcShare = gcMs / (performance.now() - startedAt);
  await Promise.all(clients.map((c) => c.leave()));
  return { connected: clients.length, failedJoins, records: clients.map((c) => c.record), bytesReceived: received.bytes, framesReceived: received.frames, joinedAt, eventLoopDelayMs, gcShare };
}

process.once('message', (task: WorkerTask) => {
  run(task).then(
    (report) => process.send!({ kind: 'report', report }, () => process.exit(0)),
    (e: unknown) => {
      process.stderr.write(`load worker failed: ${String((e as Error).stack ?? e)}\n`);
      process.exit(1);
    },
  );
});
