import type { Logger } from '../config';
import type { MatchRegistry } from '../match/MatchRegistry';
import type { OpenMatches } from '../limits/OpenMatches';
import type { Ratings } from '../ratings/Ratings';
import type { UserStore } from '../store/UserStore';

/** How quick match makes its ranked matches. */
export interface QuickMatchSettings {
  /** Seconds a group waits for players before bots complete it. */
  waitSeconds: number;
  planningSeconds: number;
  /** Quarters of a ranked match (the scenario's when absent). */
  quarters?: number;
}

/** What match rooms need from the process that hosts them (set once at start-up). */
export interface RoomContext {
  registry: MatchRegistry;
  log: Logger;
  /** The accounts: which user holds which seat. */
  users: UserStore;
  ratings: Ratings;
  quickMatch: QuickMatchSettings;
  /** Opens a stored match's room in this process (once; nothing if it is open). */
  openRoom(matchId: string): Promise<void>;
  /** The open-match caps that HTTP creations count against (quick match counts against them too). */
  openMatches: OpenMatches;
}

let context: RoomContext | null = null;

export function setRoomContext(ctx: RoomContext | null): void {
  context = ctx;
}

export function roomContext(): RoomContext {
  if (!context) throw new Error('Match rooms need a RoomContext: start the server through startServer().');
  return context;
}
