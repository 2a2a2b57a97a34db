import type { Logger } from '../config';
import type { MatchRegistry } from '../match/MatchRegistry';
import type { UserStore } from '../store/UserStore';

/** What match rooms need from the process that hosts them (set once at start-up). */
export interface RoomContext {
  registry: MatchRegistry;
  log: Logger;
  /** The accounts: which user holds which seat. */
  users: UserStore;
}

let context: RoomContext | null = null;

export function setRoomContext(ctx: RoomContext | null): void {
  context = ctx;
}

export function roomContext(): RoomContext {
  if (!context) throw new Error('Match rooms need a RoomContext: start the server through startServer().');
  return context;
}
