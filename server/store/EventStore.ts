import type { EventEnvelope } from '../../shared/replay/envelope';

import type { MatchStatus } from '../../shared/wire/matches';

export type { MatchStatus };

/** What the store keeps about a match beside its log. Secrets are never returned. */
export interface MatchRecord {
  matchId: string;
  joinCode: string;
  status: MatchStatus;
  classroom: boolean;
  createdAt: number;
  finishedAt: number | null;
  /** seq of the last stored event (0 before the first). */
  version: number;
  /**
   * The match as the public lists show it (JSON of server/match/listing's MatchListing), written
   * by its host whenever that changes; null for a match stored before listings were kept.
   */
  listing: string | null;
}

export interface NewMatch {
  matchId: string;
  joinCode: string;
  classroom: boolean;
  createdAt: number;
  /** SHA-256 of the facilitator key (the key itself is shown once and never stored). */
  facilitatorKeyHash: string | null;
}

export interface MatchFilter {
  status?: MatchStatus;
  limit?: number;
  /** The next page: matches listed after this one (newest first, then by id). */
  after?: Pick<MatchRecord, 'createdAt' | 'matchId'>;
  /** Only matches created before this time (ms). */
  createdBefore?: number;
  /** Only matches the public lists may show: no classroom match, none expired. */
  listed?: boolean;
}

export type StoreErrorCode = 'MATCH_EXISTS' | 'JOIN_CODE_TAKEN' | 'MATCH_NOT_FOUND' | 'VERSION_CONFLICT' | 'BROKEN_CHAIN' | 'LEASE_LOST';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/**
 * Who hosts a match when several server processes share one store: a lease per match, timed by
 * the database's clock, that its host renews and that another process may take once it ran out.
 */
export interface MatchLeases {
  /** Takes the lease if it is free, ran out, or is already this owner's; true when held. */
  claim(matchId: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Extends those of these leases that this owner still holds; returns their match ids. */
  renew(owner: string, matchIds: readonly string[], ttlMs: number): Promise<string[]>;
  /** Gives up some (or all) of this owner's leases, so that others may take them at once. */
  release(owner: string, matchIds?: readonly string[]): Promise<void>;
  /**
   * Live matches that no live lease holds (their host died or stopped). A waiting match is no
   * one's orphan: it is hosted again on its first join (or by the expiry sweep).
   */
  orphans(limit: number): Promise<string[]>;
}

/**
 * Where matches live. `append` is one transaction: the events land together at the stated
 * version, or not at all (a version conflict is an error, never a merge).
 */
export interface EventStore {
  readonly kind: string;
  /** Present when several processes may share this store (PostgreSQL); absent for a one-process store. */
  readonly leases?: MatchLeases;
  create(match: NewMatch): Promise<void>;
  append(matchId: string, expectedVersion: number, events: readonly EventEnvelope[]): Promise<number>;
  read(matchId: string, fromSeq?: number): Promise<EventEnvelope[]>;
  getMatch(matchId: string): Promise<MatchRecord | null>;
  findByJoinCode(joinCode: string): Promise<MatchRecord | null>;
  listMatches(filter?: MatchFilter): Promise<MatchRecord[]>;
  setStatus(matchId: string, status: MatchStatus, at: number): Promise<void>;
  markFinished(matchId: string, at: number): Promise<void>;
  /** Keeps the match's public listing (a derived copy: its log stays the truth). */
  saveListing(matchId: string, listing: string): Promise<void>;
  /** Stores the hash of one more token for a seat; the seat's earlier tokens stay valid. */
  saveSeatToken(matchId: string, seat: number, tokenHash: string): Promise<void>;
  /** The seat a token hash belongs to, if any. */
  seatForToken(matchId: string, tokenHash: string): Promise<number | null>;
  /** Forgets one token (a facilitator revoked a student's); the seat's other tokens stay valid. */
  deleteSeatToken(matchId: string, tokenHash: string): Promise<void>;
  facilitatorKeyMatches(matchId: string, keyHash: string): Promise<boolean>;
  close(): Promise<void>;
}
