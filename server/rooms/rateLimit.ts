/** At most `perSecond` messages in any one-second window; `strikes` counts refusals in a row. */
export class RateLimiter {
  private windowStart = 0;
  private count = 0;
  strikes = 0;

  constructor(private readonly perSecond: number) {}

  allow(now: number): boolean {
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.count = 0;
    }
    this.count += 1;
    if (this.count > this.perSecond) {
      this.strikes += 1;
      return false;
    }
    this.strikes = 0;
    return true;
  }
}
