import type { MatchHost } from '../match/MatchHost';

/**
 * A waiting (or expired) match's room closes once nobody has been in it for `idleMs`, and its host
 * is let go; a join makes both again (joinOrCreate). Not Colyseus' autoDispose: a room turned back
 * to autoDispose = false inside the second after a leave keeps a stale dispose timer and then never
 * disposes, which hung the server's shutdown.
 */
export class LobbyIdle {
  private timer: { clear(): void } | null = null;

  constructor(
    private readonly host: () => MatchHost,
    private readonly occupied: () => boolean,
    private readonly setTimeout: (fn: () => void, ms: number) => { clear(): void },
    private readonly idleMs: number,
    private readonly close: () => void,
  ) {}

  /** Starts the wait if the match is waiting and the room is empty (else stops it). */
  arm(): void {
    this.stop();
    if (!this.waiting() || this.occupied()) return;
    this.timer = this.setTimeout(() => {
      this.timer = null;
      if (this.waiting() && !this.occupied()) this.close();
    }, this.idleMs);
  }

  /** Someone is coming in: the room stays open for them (and the wait starts again if they are refused). */
  stop(): void {
    this.timer?.clear();
    this.timer = null;
  }

  private waiting(): boolean {
    const status = this.host().current.status;
    return status === 'lobby' || status === 'expired';
  }
}
