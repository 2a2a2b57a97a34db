/**
 * Who plays each seat from this room right now. A seat may have several connections (a team, a
 * second tab); while it has none its player is away and the match's host lets a bot play it
 * (autopilot) until one comes back. The match's end stops handing seats to bots.
 */
export class SeatSessions {
  private readonly counts = new Map<number, number>();

  constructor(
    /** The host's autopilot switch for a seat. */
    private readonly autopilot: (seat: number, on: boolean) => void,
    /** Whether the match is over (no bot takes a seat any more). */
    private readonly over: () => boolean,
  ) {}

  /** A connection starts playing the seat: its player is back, the bot steps aside. */
  join(seat: number): void {
    this.counts.set(seat, (this.counts.get(seat) ?? 0) + 1);
    this.autopilot(seat, false);
  }

  /** A connection stops playing the seat (it may come back within its grace window). */
  leave(seat: number): void {
    const n = (this.counts.get(seat) ?? 1) - 1;
    if (n <= 0) this.counts.delete(seat);
    else this.counts.set(seat, n);
  }

  /** The seat's player is gone for now: if no connection plays it, a bot does until one returns. */
  away(seat: number): void {
    if (!this.counts.has(seat) && !this.over()) this.autopilot(seat, true);
  }

  isPlayed(seat: number): boolean {
    return this.counts.has(seat);
  }

  /** The seats with at least one connection. */
  played(): Set<number> {
    return new Set(this.counts.keys());
  }
}
