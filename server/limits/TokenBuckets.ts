/**
 * One token bucket per key (a client address): `burst` tokens to start with, one more every
 * 60 000 / perMinute ms up to `burst`; each request takes one. A bucket that has filled up again
 * is the same as none, so it is forgotten: memory follows the addresses active in the last
 * refill time, not every address ever seen.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly msPerToken: number;
  private lastPrune: number;

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.msPerToken = perMinute > 0 ? 60_000 / perMinute : 0;
    this.lastPrune = now();
  }

  /** Whether there is a limit at all (0 per minute or a burst of 0: none). */
  get limited(): boolean {
    return this.perMinute > 0 && this.burst > 0;
  }

  /** Takes a token for `key`: 0 if there was one, else how many ms until there is. */
  take(key: string): number {
    if (!this.limited) return 0;
    const now = this.now();
    this.prune(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    const tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) / this.msPerToken);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return Math.ceil((1 - tokens) * this.msPerToken);
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return 0;
  }

  /** How many keys have a bucket that is not full (tests, health). */
  get size(): number {
    return this.buckets.size;
  }

  /** Once per refill time, forgets the buckets that are full again. */
  private prune(now: number): void {
    const fullAfter = this.burst * this.msPerToken;
    if (now - this.lastPrune < fullAfter) return;
    this.lastPrune = now;
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) / this.msPerToken >= this.burst) this.buckets.delete(key);
  }
}

/** A wait in ms as the whole seconds of a Retry-After header (at least 1). */
export const retryAfterSeconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));
