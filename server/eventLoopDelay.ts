import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

/** The timer behind the figures: one tick every 10 ms, and how late each tick ran. */
const RESOLUTION_MS = 10;

let histogram: IntervalHistogram | null = null;

/** Starts measuring (once per process: every server in it shares one event loop). */
export function watchEventLoop(): void {
  if (histogram) return;
  histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
}

export interface DelaySummary {
  p50: number;
  p99: number;
  max: number;
}

/**
 * How long a timer (and so any message) waited behind other work on the event loop since the
 * process started, in ms, as p50/p99/max. Node records each tick's whole interval; the resolution
 * is taken off so that an idle loop reads 0.
 */
export function eventLoopDelay(): DelaySummary | null {
  if (!histogram || histogram.count === 0) return null;
  const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 10) / 10);
  return { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
}
