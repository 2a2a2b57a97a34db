import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

export interface ProcSample {
  /** Seconds since sampling began. */
  t: number;
  /** CPU used since the previous sample, in percent of one core. */
  cpuPercent: number;
  rssMiB: number;
}

/** CPU ticks (user + system) and resident memory of a local process, from /proc. */
function readProc(pid: number): { ticks: number; rssMiB: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at index 2: utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { ticks, rssMiB: rss ? Number(rss[1]) / 1024 : 0 };
  } catch {
    return null;
  }
}

export function rssMiB(pid: number): number {
  return readProc(pid)?.rssMiB ?? 0;
}

/** Samples processes every `everyMs` until stopped; a process that has gone is skipped. */
export class ProcSampler {
  readonly samples = new Map<number, ProcSample[]>();
  private readonly last = new Map<number, { ticks: number; at: number }>();
  private readonly first = new Map<number, number>();
  private readonly start = performance.now();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pids: readonly number[],
    everyMs = 1000,
  ) {
    for (const pid of pids) {
      this.samples.set(pid, []);
      const p = readProc(pid);
      if (p) {
        this.last.set(pid, { ticks: p.ticks, at: performance.now() });
        this.first.set(pid, p.ticks);
      }
    }
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  private sample(): void {
    const now = performance.now();
    for (const pid of this.pids) {
      const p = readProc(pid);
      const before = this.last.get(pid);
      if (!p || !before) continue;
      const cpuPercent = ((p.ticks - before.ticks) / TICKS_PER_SECOND / ((now - before.at) / 1000)) * 100;
      this.samples.get(pid)!.push({ t: (now - this.start) / 1000, cpuPercent, rssMiB: p.rssMiB });
      this.last.set(pid, { ticks: p.ticks, at: now });
    }
  }

  /** CPU seconds (user + system, all threads) a process used between the start and the last sample. */
  cpuSeconds(pid: number): number {
    const first = this.first.get(pid);
    const last = this.last.get(pid);
    return first === undefined || !last ? 0 : (last.ticks - first) / TICKS_PER_SECOND;
  }

  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }
}

/** The value at quantile `q` (0..1) of ascending `sorted`; 0 when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
