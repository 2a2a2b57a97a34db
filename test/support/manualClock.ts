import type { HostClock } from '../../server/match/clock';

/** A clock the test moves by hand: timers fire only when `advance` passes their time. */
export class ManualClock implements HostClock {
  private t = 1_700_000_000_000;
  private timers: Array<{ at: number; fn: () => void; live: boolean }> = [];

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): { clear(): void } {
    const timer = { at: this.t + ms, fn, live: true };
    this.timers.push(timer);
    return { clear: () => void (timer.live = false) };
  }

  pending(): number {
    return this.timers.filter((x) => x.live).length;
  }

  advance(ms: number): void {
    this.t += ms;
    for (const timer of this.timers.filter((x) => x.live && x.at <= this.t)) {
      timer.live = false;
      timer.fn();
    }
    this.timers = this.timers.filter((x) => x.live);
  }
}
