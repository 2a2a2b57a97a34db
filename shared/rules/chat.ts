import type { MuteChat, SayChat, UnmuteChat } from '../domain/commands';
import { RuleError } from '../domain/errors';
import type { GameEvent } from '../domain/events';
import type { DecideContext } from '../domain/ids';
import type { GameState } from '../domain/state';
import { cleanName } from './lifecycle';

// Chat is stored as events so that replays show it, but no rule of the economy reads it: a chat
// line changes nothing in the state, and mutes only what chat itself checks. How often one may
// speak needs a clock, so the rooms limit the rate, not these rules.

/** Longest line, in code points (what a person counts as characters). */
export const MAX_CHAT_CHARS = 280;

// Controls (C0, DEL, C1) and the line/paragraph separators would break or spoof other lines.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function requireLive(state: GameState): void {
  if (state.status === 'new') throw new RuleError('MATCH_NOT_FOUND', 'This match has not been created.');
  if (state.status === 'ended' || state.status === 'expired') throw new RuleError('MATCH_ENDED', 'This match has ended.');
}

/** The text as it is said: trimmed, 1 to 280 characters, no control characters. */
export function chatText(raw: string): string {
  const text = raw.trim();
  if (text.length === 0) throw new RuleError('CHAT_EMPTY', 'Write something first.');
  const chars = [...text].length;
  if (chars > MAX_CHAT_CHARS) throw new RuleError('CHAT_TOO_LONG', `A message holds at most ${MAX_CHAT_CHARS} characters (this one has ${chars}).`);
  if (CONTROL.test(text)) throw new RuleError('CHAT_INVALID', 'A message may not contain control characters or line breaks.');
  return text;
}

export function decideSayChat(state: GameState, cmd: SayChat, ctx: DecideContext): GameEvent[] {
  requireLive(state);
  const { channel } = cmd.data;
  const actor = ctx.actor;
  // Players speak as their seat; only the room (system) speaks for a spectator, who has none.
  if (channel === 'players' && actor.role !== 'player') throw new RuleError('NOT_ALLOWED', 'Only a player speaks in the players’ channel.');
  if (channel === 'spectators' && actor.role !== 'system') throw new RuleError('NOT_ALLOWED', 'Only spectators speak in the spectators’ channel.');
  if (state.settings.chat === false) throw new RuleError('CHAT_OFF', 'Chat is turned off in this match.');
  const muted = state.chatMuted;
  if (muted?.all || (actor.role === 'player' && muted?.seats.includes(actor.seat)))
    throw new RuleError('CHAT_MUTED', 'The facilitator has muted the chat for you.');
  const text = chatText(cmd.data.text);
  const quarter = state.quarter;
  if (actor.role === 'player') return [{ type: 'ChatSaid', data: { channel, seat: actor.seat, text, quarter } }];
  return [{ type: 'ChatSaid', data: { channel, name: cleanName(cmd.data.name ?? ''), text, quarter } }];
}

/** A mute or unmute: the facilitator's, in a live match, of a seat it has (or of everyone). */
function requireMuteAllowed(state: GameState, seat: number | undefined, ctx: DecideContext, what: string): void {
  if (ctx.actor.role === 'player') throw new RuleError('NOT_ALLOWED', `Only the facilitator can ${what} the chat.`);
  requireLive(state);
  if (seat !== undefined && (!Number.isInteger(seat) || seat < 0 || seat >= state.seats.length))
    throw new RuleError('UNKNOWN_SEAT', `There is no seat ${String(seat)}.`);
}

/** A facilitator silences a seat, or (no seat) the whole class. Muting again changes nothing. */
export function decideMuteChat(state: GameState, cmd: MuteChat, ctx: DecideContext): GameEvent[] {
  const { seat } = cmd.data;
  requireMuteAllowed(state, seat, ctx, 'mute');
  const muted = state.chatMuted;
  if (seat === undefined ? muted?.all : muted?.all || muted?.seats.includes(seat)) return [];
  return [{ type: 'ChatMuted', data: seat === undefined ? {} : { seat } }];
}

/** A seat may speak again, or (no seat) everyone: the class mute and every seat's mute lifted. */
export function decideUnmuteChat(state: GameState, cmd: UnmuteChat, ctx: DecideContext): GameEvent[] {
  const { seat } = cmd.data;
  requireMuteAllowed(state, seat, ctx, 'unmute');
  const muted = state.chatMuted;
  if (!muted || (seat === undefined ? !muted.all && muted.seats.length === 0 : !muted.seats.includes(seat))) return [];
  return [{ type: 'ChatUnmuted', data: seat === undefined ? {} : { seat } }];
}
