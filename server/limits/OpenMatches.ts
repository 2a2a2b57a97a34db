import type { MatchStatus } from '../store/EventStore';

/** A match, class session or fork asked for by one address: open while any of its matches is. */
interface Creation {
  ip: string;
  open: Set<string>;
  /** Matches reserved for it and not created yet. */
  pending: number;
}

/** Why a creation was refused: which cap is full. */
export type CapRefusal = { cap: 'ip' | 'process'; limit: number };

/** Room kept for a creation while its matches are made; give it the ids made, then call done(). */
export interface Reservation {
  opened(matchId: string): void;
  done(): void;
}

/**
 * The open matches (neither ended nor expired) this process knows: those created here, each under
 * the creation (and client address) that asked for it, and any other it hosts (recovered on boot,
 * reopened by a join). Caps the creations open at once per address and the matches open in the
 * process; 0 turns a cap off. Fed by the registry's status reports (follow), so a match that
 * ends, expires or moves to another process frees its place.
 */
export class OpenMatches {
  private readonly byMatch = new Map<string, Creation>();
  private readonly byIp = new Map<string, Set<Creation>>();
  /** Open matches hosted here that no creation here asked for. */
  private readonly others = new Set<string>();
  private pending = 0;

  constructor(
    private readonly perIp: number,
    private readonly perProcess: number,
  ) {}

  /** Matches open in this process, reserved ones included. */
  get count(): number {
    return this.byMatch.size + this.others.size + this.pending;
  }

  /** Open creations of one address. */
  openBy(ip: string): number {
    return this.byIp.get(ip)?.size ?? 0;
  }

  /** Makes room for a creation of `matches` matches by `ip`, or says which cap is full. */
  reserve(ip: string, matches: number): Reservation | CapRefusal {
    if (this.perIp > 0 && this.openBy(ip) >= this.perIp) return { cap: 'ip', limit: this.perIp };
    if (this.perProcess > 0 && this.count + matches > this.perProcess) return { cap: 'process', limit: this.perProcess };
    const creation: Creation = { ip, open: new Set(), pending: matches };
    this.pending += matches;
    let set = this.byIp.get(ip);
    if (!set) this.byIp.set(ip, (set = new Set()));
    set.add(creation);
    return {
      opened: (matchId) => {
        if (creation.pending === 0) return;
        creation.pending -= 1;
        this.pending -= 1;
        // Only a match still open: its host reported it on loading (follow), and nothing has closed it since.
        if (!this.others.delete(matchId)) return;
        creation.open.add(matchId);
        this.byMatch.set(matchId, creation);
      },
      done: () => {
        this.pending -= creation.pending;
        creation.pending = 0;
        this.forgetIfClosed(creation);
      },
    };
  }

  /** A status the registry reports for a match it hosts (on loading it and on every change), or that it moved away. */
  follow(matchId: string, status: MatchStatus | 'moved'): void {
    if (status === 'waiting' || status === 'live') {
      if (!this.byMatch.has(matchId)) this.others.add(matchId);
      return;
    }
    this.others.delete(matchId);
    const creation = this.byMatch.get(matchId);
    if (!creation) return;
    this.byMatch.delete(matchId);
    creation.open.delete(matchId);
    this.forgetIfClosed(creation);
  }

  private forgetIfClosed(creation: Creation): void {
    if (creation.open.size > 0 || creation.pending > 0) return;
    const set = this.byIp.get(creation.ip);
    set?.delete(creation);
    if (set?.size === 0) this.byIp.delete(creation.ip);
  }
}
