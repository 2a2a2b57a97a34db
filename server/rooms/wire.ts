import { z } from 'zod';
import type { ServerMessages } from '../../shared/wire/messages';

export type { Ack, Rejected, SeatAssigned, WatchInfo } from '../../shared/wire/messages';

// What clients may send (checked here; the types are shared/wire/messages), and how the rooms
// answer. Commands inside are checked by the engine.

export const MAX_MESSAGE_BYTES = 16 * 1024;
export const MAX_MESSAGES_PER_SECOND = 20;
/** Refusals in a row after which a flooding client is dropped. */
export const MAX_STRIKES = 40;

export const joinOptionsSchema = z.strictObject({
  /** The match (clients join with joinOrCreate('match', {matchId, …}), so a stored match gets its room on demand). */
  matchId: z.string().max(64).optional(),
  name: z.string().max(64).optional(),
  token: z.string().max(128).optional(),
  spectate: z.boolean().optional(),
  facilitatorKey: z.string().max(128).optional(),
  /** Join the team that plays this seat (classroom matches). */
  team: z.number().int().min(0).max(7).optional(),
});

export const commandMessageSchema = z.strictObject({
  id: z.union([z.string().max(64), z.number()]).optional(),
  command: z.unknown(),
});

/** A facilitator moves a student (by session id) into the team of another seat. */
/** The facilitator takes a student's credential back: their token stops working and they leave. */
export const revokeMemberSchema = z.strictObject({
  id: z.union([z.string().max(64), z.number()]).optional(),
  memberId: z.string().min(1).max(64),
});

/** A player is ready to play: their tour is done (a solo match's first quarter waits for it). */
export const readySchema = z.strictObject({
  id: z.union([z.string().max(64), z.number()]).optional(),
});

/** A line of chat (its length in characters is the engine's to check: CHAT_TOO_LONG). */
export const saySchema = z.strictObject({
  id: z.union([z.string().max(64), z.number()]).optional(),
  text: z.string().max(4 * 280),
});

export const moveMemberSchema = z.strictObject({
  id: z.union([z.string().max(64), z.number()]).optional(),
  memberId: z.string().min(1).max(64),
  seat: z.number().int().min(0).max(7),
});

/** Sends a client one of the rooms' messages, typed by its name. */
export function tell<K extends keyof ServerMessages>(client: { send(type: string, message: unknown): void }, name: K, message: ServerMessages[K]): void {
  client.send(name, message);
}
