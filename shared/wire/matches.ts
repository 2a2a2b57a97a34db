// What the JSON API says about a match, for the server that writes it and the client that reads it.

/** `expired`: it waited in the lobby too long and was closed (a MatchExpired event). */
export type MatchStatus = 'waiting' | 'live' | 'finished' | 'expired';

/**
 * A match as the public lists show it (GET /api/matches): what a spectator may see, stored beside
 * the match so that a list is a read, not a fold of every listed log.
 */
export interface MatchListing {
  matchId: string;
  joinCode: string;
  status: MatchStatus;
  classroom: boolean;
  quarter: number;
  quarters: number;
  seats: Array<{ name: string; bot: boolean; strategy?: string }>;
  openSeats: number;
  winner?: number;
  /** Once the match is over: the seq of its last event and the hash of the state it leads to. */
  version?: number;
  stateHash?: string;
}

/** A match as one reader may see it (GET /api/matches/:id): its listing, the last seq they may see, and a digest. */
export interface MatchSummary extends MatchListing {
  /** seq of the last event this reader may see. */
  version: number;
  /** The hash of the state that event leads to, once the match is over (a live state's hash could be searched for hidden values). */
  stateHash?: string;
  /** While live: the hash of what this reader sees of that state (shared/views/visibility viewHash). */
  viewHash?: string;
}
