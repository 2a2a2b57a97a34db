/**
 * Refusals answered late: a script that floods by sending again as soon as it has an answer is
 * slowed to a few requests a second per connection, instead of making the server spend a core
 * answering thousands of 429s a second. Only so many refusals are held per address and in all
 * (each holds a socket and a timer); beyond that they are answered at once.
 */
export class Tarpit {
  private readonly held = new Map<string, number>();
  private total = 0;

  constructor(
    private readonly delayMs: number,
    private readonly perIp = 16,
    private readonly max = 1024,
    private readonly setTimer: (fn: () => void, ms: number) => unknown = (fn, ms) => setTimeout(fn, ms).unref(),
  ) {}

  /** Runs `answer` after the delay, or now when nothing more may be held. */
  hold(ip: string, answer: () => void): void {
    const mine = this.held.get(ip) ?? 0;
    if (this.delayMs <= 0 || mine >= this.perIp || this.total >= this.max) return answer();
    this.held.set(ip, mine + 1);
    this.total += 1;
    this.setTimer(() => {
      this.total -= 1;
      const left = (this.held.get(ip) ?? 1) - 1;
      if (left > 0) this.held.set(ip, left);
      else this.held.delete(ip);
      answer();
    }, this.delayMs);
  }

  /** Refusals held now (tests). */
  get holding(): number {
    return this.total;
  }
}
