/** Time as the host sees it: injectable, so tests drive timers by hand. */
export interface HostClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): { clear(): void };
}

export const systemClock: HostClock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, ms);
    return { clear: () => clearTimeout(handle) };
  },
};
