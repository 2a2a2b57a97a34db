import type { Client } from '@colyseus/core';
import type { EventOf } from '../../shared/domain/events';
import type { GameState } from '../../shared/domain/state';
import type { EventEnvelope } from '../../shared/replay/envelope';
import { type Audience, type Disclosure, disclosureOf, hearsChat } from '../../shared/views/visibility';
import type { ChatLine } from '../../shared/wire/messages';
import type { ClientData } from './clientData';
import type { Read } from './commandMessage';
import { saySchema, tell } from './wire';

type Said = EventOf<'ChatSaid'> & { seq: number };
/** Who says a line: their role, seat and (spectators) the name they joined with. */
type Speaker = Pick<ClientData, 'role' | 'seat' | 'name'>;

/** Lines a client gets on joining: the chat is in the log for all the rest. */
const RECENT_LINES = 100;
/** At most this many lines per speaker in any window of CHAT_WINDOW_MS (the engine has no clock, so the room counts). */
export const CHAT_LINES_PER_WINDOW = 5;
export const CHAT_WINDOW_MS = 10_000;

/** Whether a stored event is a chat line. */
export const isChat = (e: EventEnvelope): e is EventEnvelope & Said => e.type === 'ChatSaid';

/** Who a room client is to the visibility policy. */
export function audienceOf(data: ClientData): Audience {
  if (data.role === 'facilitator') return { kind: 'facilitator' };
  return data.role === 'player' && data.seat !== null ? { kind: 'seat', seat: data.seat } : { kind: 'public' };
}

/**
 * The match room's chat: reads a `say` message into a SayChat command (players as their seat, a
 * spectator through the room under their name), limits how often each speaker may talk, and keeps
 * the recent lines to hand to whoever joins. Who reads which line is shared/views/visibility's.
 */
/** Whose rate limit a line counts against: a seat's (its whole team's), or one spectator's connection. */
export const speakerOf = (data: Speaker, sessionId: string) => (data.role === 'player' && data.seat !== null ? `seat:${data.seat}` : `client:${sessionId}`);

export class RoomChat {
  private readonly lines: Said[] = [];
  private readonly spoken = new Map<string, number[]>();

  constructor(log: readonly EventEnvelope[]) {
    this.add(log);
  }

  /** The chat lines among these new events (kept, the oldest dropped past RECENT_LINES). */
  add(events: readonly EventEnvelope[]): Said[] {
    const said = events.filter(isChat);
    this.lines.push(...said);
    if (this.lines.length > RECENT_LINES) this.lines.splice(0, this.lines.length - RECENT_LINES);
    return said;
  }

  /** The recent lines an audience may read. */
  recent(audience: Audience, d: Disclosure): Said[] {
    return this.lines.filter((e) => hearsChat(e, audience, d));
  }

  /** The chat so far that this client may read (lines come one by one after that). */
  sendRecent(client: Client, data: ClientData, live: GameState): void {
    const lines = this.recent(audienceOf(data), disclosureOf(live)).map((e) => chatLine(e, live));
    tell(client, 'chat', { lines });
  }

  /** A `say` message as the engine's command and who says it, or why the room refuses it first. */
  read(message: unknown, sender: Speaker, key: string, now: number): Read {
    const parsed = saySchema.safeParse(message);
    if (!parsed.success) return { code: 'MALFORMED_COMMAND', message: 'Send {id?, text} with at most 280 characters.' };
    if (sender.role === 'facilitator') return { code: 'NOT_ALLOWED', message: 'The facilitator runs the match; players and spectators chat.' };
    if (!this.allow(key, now)) return { code: 'CHAT_RATE_LIMITED', message: `At most ${CHAT_LINES_PER_WINDOW} messages every ${CHAT_WINDOW_MS / 1000} seconds.` };
    const { text } = parsed.data;
    if (sender.role === 'player' && sender.seat !== null) return { command: { type: 'SayChat', data: { channel: 'players', text } }, actor: { role: 'player', seat: sender.seat } };
    // A spectator has no seat: the room speaks for them, signed with the name they joined with.
    return { command: { type: 'SayChat', data: { channel: 'spectators', text, name: sender.name ?? 'Spectator' } }, actor: { role: 'system' } };
  }

  /** A spectator left: their window goes with them (a seat's stays, its player may come back). */
  forget(key: string): void {
    this.spoken.delete(key);
  }

  /** A sliding window per speaker: refused lines count too, so hammering does not pay. */
  private allow(key: string, now: number): boolean {
    const times = (this.spoken.get(key) ?? []).filter((t) => now - t < CHAT_WINDOW_MS);
    const ok = times.length < CHAT_LINES_PER_WINDOW;
    if (ok) times.push(now);
    this.spoken.set(key, times);
    return ok;
  }
}

/** A stored chat line as clients read it, signed with the seat's name as it is now. */
export function chatLine(e: Said, state: GameState): ChatLine {
  const d = e.data;
  const seat = d.seat ?? null;
  const name = seat !== null ? (state.seats[seat]?.name ?? `Seat ${seat + 1}`) : (d.name ?? '');
  return { seq: e.seq, channel: d.channel, seat, name, text: d.text, quarter: d.quarter };
}

/** Sends each client the new lines it may read. */
export function deliver(clients: Iterable<Client>, lines: readonly Said[], d: Disclosure, state: GameState, dataOf: (c: Client) => ClientData | undefined): void {
  if (lines.length === 0) return;
  for (const client of clients) {
    const data = dataOf(client);
    if (!data) continue;
    const audience = audienceOf(data);
    const heard = lines.filter((e) => hearsChat(e, audience, d)).map((e) => chatLine(e, state));
    if (heard.length > 0) tell(client, 'chat', { lines: heard });
  }
}
