import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

export interface ProcSample {
  /** Seconds since sampling began. */
  t: number;
  /** CPU used since the previous sample, in percent of one core. */
  cpuPercent: number;
  rssMiB: number;
}

/** The fields of /proc/PID/stat after the command name (which may hold spaces): index 0 is field 3. */
function statFields(pid: number | string): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * CPU ticks (user + system) and resident memory of a local process, from /proc. With `children`,
 * the ticks also hold those of its child processes, running (each PostgreSQL connection is one)
 * and ended (cutime, cstime); the memory stays the process's own.
 */
function readProc(pid: number, children = false): { ticks: number; rssMiB: number } | null {
  try {
    const fields = statFields(pid);
    let ticks = Number(fields[11]) + Number(fields[12]);
    if (children) {
      ticks += Number(fields[13]) + Number(fields[14]);
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          const f = statFields(entry);
          if (Number(f[1]) === pid) ticks += Number(f[11]) + Number(f[12]);
        } catch {
          // It ended while being read: its ticks are in the parent's cutime/cstime next time.
        }
      }
    }
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

  /** `withChildren`: the processes whose figures include their children's CPU (see readProc). */
  constructor(
    private readonly pids: readonly number[],
    everyMs = 1000,
    private readonly withChildren: ReadonlySet<number> = new Set(),
  ) {
    for (const pid of pids) {
      this.samples.set(pid, []);
      const p = readProc(pid, withChildren.has(pid));
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
      const p = readProc(pid, this.withChildren.has(pid));
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
