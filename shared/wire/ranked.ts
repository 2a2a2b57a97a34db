// Quick match and ratings, for both sides: the queue room's messages and the leaderboard and
// profile answers of the HTTP API.

/** The queue room's name (joinOrCreate(QUEUE_ROOM, {name}) with an account's token). */
export const QUEUE_ROOM = 'queue';

/** How to join the queue: the name shown in the match (else the account's). */
export interface QueueJoinOptions {
  name?: string;
}

/** A player's rating as shown: `rating` is the conservative estimate (μ − 3σ) scaled to start at 1,000. */
export interface RatingFigures {
  rating: number;
  mu: number;
  sigma: number;
}

/** What the queue room sends (besides Colyseus' own `clients` count and `seat` reservation). */
export interface QueueMessages {
  /** On joining: the player's rating and how long the queue waits before bots complete the table. */
  queued: { waitSeconds: number; seats: number } & RatingFigures;
  /** How many players (the joiner included) are in the joiner's forming group. */
  clients: number;
  /** A match was made: the seat and its token (kept to come back), before the seat reservation. */
  matched: { matchId: string; seat: number; token: string; humans: number; bots: number; difficulty: string };
}

/** Message names of the queue room. */
export const QUEUE_MSG = {
  queued: 'queued',
  clients: 'clients',
  matched: 'matched',
  seat: 'seat',
  confirm: 'confirm',
} as const;

/** One row of the leaderboard. */
export interface LeaderRow extends RatingFigures {
  position: number;
  userId: string;
  name: string;
  matches: number;
  wins: number;
}

/** GET /api/leaderboard: the top 100, and the asking account's own row (with its position) if it has played ranked. */
export interface Leaderboard {
  top: LeaderRow[];
  you: LeaderRow | null;
  players: number;
}

/** One ranked match in a profile, with the rating after it. */
export interface ProfileMatch extends RatingFigures {
  matchId: string;
  at: number;
  place: number;
  of: number;
  /** The rating's change in this match (shown rating). */
  change: number;
}

/** GET /api/profile/:userId (or /api/profile/me): the rating over time and the ranked matches, newest first. */
export interface Profile {
  userId: string;
  name: string;
  current: RatingFigures;
  position: number | null;
  matches: ProfileMatch[];
}
