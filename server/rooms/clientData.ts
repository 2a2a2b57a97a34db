import type { Client } from '@colyseus/core';
import type { Seated } from './admission';
import { RateLimiter } from './rateLimit';
import { MAX_MESSAGES_PER_SECOND } from './wire';

/** What the match room keeps about each of its clients. */
export interface ClientData extends Seated {
  limiter: RateLimiter;
  /** Counted among its seat's connections. */
  seated: boolean;
  /** Dropped for flooding: no grace window to reconnect in. */
  flooded?: boolean;
  /** Their credential was revoked: no grace window either. */
  revoked?: boolean;
}

export const dataOf = (client: Client): ClientData | undefined => client.userData as ClientData | undefined;

/** The seat a client plays, if it is a player with a seat. */
export function playedSeat(client: Client): number | null {
  const d = dataOf(client);
  return d?.role === 'player' && d.seat !== null ? d.seat : null;
}

/** A new client's data: as admitted, with its own rate limit, not yet counted at its seat. */
export function clientData(auth: Seated): ClientData {
  return { ...auth, limiter: new RateLimiter(MAX_MESSAGES_PER_SECOND), seated: false };
}
