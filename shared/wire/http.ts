// The JSON API's request bodies and answers that both the server and the client use (matches
// themselves are in ./matches). The server's zod schemas are tied to these by test/unit/wireTypes.test.ts.
import type { BotSpec, BotStrategy } from '../domain/ids';
import type { ForkSeat } from '../domain/commands';

/** Every refusal: `400 {error, message}` (or 404, 413, 409 …). */
export interface ApiError {
  error: string;
  message: string;
}

/** POST /api/matches */
export interface CreateMatchRequest {
  seats: number;
  bots?: BotSpec[];
  winLoops?: 1 | 2 | 3;
  planningSeconds?: number;
  quarters?: number;
  /** A string, or a whole number taken as its decimal string. */
  seed?: string | number;
  classroom?: boolean;
  /** Quarters spectators lag behind the players. */
  spectatorDelay?: number;
  /** Classroom only: each quarter's results wait for the facilitator's release. */
  stagedReveal?: boolean;
  /** Classroom only: false turns the match's chat off. */
  chat?: boolean;
}

export interface CreatedMatch {
  matchId: string;
  joinCode: string;
  /** Shown once to the creator of a classroom match. */
  facilitatorKey?: string;
}

/** POST /api/sessions: several classroom matches with one seed and one facilitator key. */
export interface SessionRequest {
  matches: number;
  seats: number;
  winLoops?: 1 | 2 | 3;
  planningSeconds?: number;
  quarters?: number;
  seed?: string | number;
  stagedReveal?: boolean;
  /** false: the session's matches have no chat. */
  chat?: boolean;
}

export interface CreatedSession {
  facilitatorKey: string;
  seed: string;
  matches: Array<{ matchId: string; joinCode: string }>;
}

/** POST /api/matches/:id/fork */
export interface ForkRequest {
  quarter: number;
  /** One per seat of the source match: a bot, or open for a new player. */
  seats: ForkSeat[];
  /** The one asking takes this open seat at once (its token comes back). */
  player?: { seat: number; name: string };
}

export interface ForkedMatch {
  matchId: string;
  joinCode: string;
  sourceMatchId: string;
  quarter: number;
  /** The source's state hash after `quarter`: the fork's state hash after its first event. */
  sourceStateHash: string;
  seat?: number;
  token?: string;
}

export type { BotSpec, BotStrategy };
