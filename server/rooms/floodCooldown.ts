/** The wait after a seat's first drop for flooding; each further drop doubles it, up to the cap. */
export const FLOOD_WAIT_MS = 2_000;
export const FLOOD_WAIT_MAX_MS = 5 * 60_000;

/**
 * Strikes belong to the seat, not the connection: a client that floods is dropped, and its seat
 * may come back (with any of its tokens) only after a wait that doubles with each drop, so a
 * script cannot flood, rejoin at once and flood again.
 */
export class SeatCooldowns {
  private readonly drops = new Map<number, { count: number; until: number }>();

  /** Records a drop of the seat; returns how long it must wait. */
  drop(seat: number, now: number): number {
    const count = (this.drops.get(seat)?.count ?? 0) + 1;
    const wait = Math.min(FLOOD_WAIT_MAX_MS, FLOOD_WAIT_MS * 2 ** (count - 1));
    this.drops.set(seat, { count, until: now + wait });
    return wait;
  }

  /** How long the seat must still wait before it may join again (0: it may). */
  waitLeft(seat: number, now: number): number {
    return Math.max(0, (this.drops.get(seat)?.until ?? 0) - now);
  }
}
