import type { Actor } from '../../shared/domain/ids';
import type { ClientData } from './clientData';
import { commandMessageSchema, MAX_MESSAGE_BYTES, readySchema } from './wire';

type Refusal = { code: string; message: string };
/** A message read: the command for the host and who gives it, or why it was refused. */
export type Read = { command: unknown; actor: Actor } | Refusal;

/** The request id a client gave a message, if it is one the room may echo back. */
export function messageId(message: unknown): string | number | null {
  const raw = (message as { id?: unknown } | null | undefined)?.id;
  return typeof raw === 'number' || (typeof raw === 'string' && raw.length <= 64) ? raw : null;
}

/**
 * A client's `command` message as the engine takes it: the command and who sends it, or why it is
 * refused before the engine sees it (too large, malformed, from a spectator).
 */
export function readCommand(message: unknown, sender: ClientData): Read {
  let size = 0;
  try {
    size = JSON.stringify(message ?? null).length;
  } catch {
    size = Infinity;
  }
  if (size > MAX_MESSAGE_BYTES) return { code: 'TOO_LARGE', message: `Messages are limited to ${MAX_MESSAGE_BYTES} bytes.` };
  const parsed = commandMessageSchema.safeParse(message);
  if (!parsed.success) return { code: 'MALFORMED_COMMAND', message: 'Send {id?, command: {type, data}}.' };
  const actor: Actor | null =
    sender.role === 'player' && sender.seat !== null ? { role: 'player', seat: sender.seat } : sender.role === 'facilitator' ? { role: 'facilitator' } : null;
  if (!actor) return { code: 'READ_ONLY', message: 'Spectators watch; they cannot send commands.' };
  return { command: parsed.data.command, actor };
}

/** A player's `ready` message: the seat that is ready, or why it is refused. */
export function readReady(message: unknown, sender: ClientData): { seat: number } | Refusal {
  if (!readySchema.safeParse(message ?? {}).success) return { code: 'MALFORMED_COMMAND', message: 'Send {id?}.' };
  if (sender.role !== 'player' || sender.seat === null) return { code: 'READ_ONLY', message: 'Only a player is ready to play.' };
  return { seat: sender.seat };
}
