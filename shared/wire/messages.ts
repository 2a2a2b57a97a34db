// Every WebSocket message between a client and the match or watch room, by name, for both sides.
// The server checks what clients send (server/rooms/wire.ts, whose schemas are tied to these types
// by test/unit/wireTypes.test.ts); the client types what it sends and reads from here.

/** Who a connection is in a match. */
export type Role = 'player' | 'spectator' | 'facilitator';

/** A client's number for a message, echoed in the answer. */
export type MessageId = string | number;

/** How to join a match's room (joinOrCreate('match', options)). */
export interface JoinOptions {
  matchId?: string;
  /** Take a seat under this name. */
  name?: string;
  /** Reclaim a seat with its token. */
  token?: string;
  spectate?: boolean;
  /** Run a classroom match. */
  facilitatorKey?: string;
  /** Join the team that plays this seat (classroom matches). */
  team?: number;
}

/** How to join a match's watch room (joinOrCreate('watch', options)). */
export interface WatchOptions {
  matchId: string;
  spectate?: true;
  /** The name a spectator's chat lines are signed with ('Spectator' without one). */
  name?: string;
}

/** What clients send. */
export interface ClientMessages {
  /** An engine command: `{type, data}` (checked by the engine). */
  command: { id?: MessageId; command: unknown };
  /** A facilitator moves a student (by session id) into the team of another seat. */
  moveMember: { id?: MessageId; memberId: string; seat: number };
  /** A facilitator takes a student's credential back: their token stops working and they leave. */
  revokeMember: { id?: MessageId; memberId: string };
  /** A player is ready to play (their tour is done): a solo match's first quarter starts its clock. */
  ready: { id?: MessageId };
  /** A line of chat: a player's to the players' channel, a spectator's to the spectators' one. */
  say: { id?: MessageId; text: string };
}

/** A chat line as clients read it: who said it (a seat's name, or a spectator's), in which channel and quarter. */
export interface ChatLine {
  seq: number;
  channel: 'players' | 'spectators';
  seat: number | null;
  name: string;
  text: string;
  quarter: number;
}

/** What the rooms send. */
export interface ServerMessages {
  /** The command with this id is stored as event `seq`. */
  ack: { id: MessageId | null; seq: number };
  /** Refused, with a code and a message; nothing changed. */
  rejected: { id: MessageId | null; code: string; message: string };
  /** The joiner's role and seat, and for a newly claimed seat the token to keep. */
  seat: { role: Role; seat: number | null; token: string | null };
  /** Watch room only: the spectators' delay, the quarter they see and the live one. */
  watch: { delay: number; shownQuarter: number; liveQuarter: number };
  /** Chat lines this client may read: on joining, the recent ones; then each as it is said. */
  chat: { lines: ChatLine[] };
}

export type Ack = ServerMessages['ack'];
export type Rejected = ServerMessages['rejected'];
export type SeatAssigned = ServerMessages['seat'];
export type WatchInfo = ServerMessages['watch'];

/** The message names, as values (room.send(MSG.command, …), room.onMessage(MSG.ack, …)). */
export const MSG = {
  command: 'command',
  moveMember: 'moveMember',
  revokeMember: 'revokeMember',
  ready: 'ready',
  say: 'say',
  ack: 'ack',
  rejected: 'rejected',
  seat: 'seat',
  watch: 'watch',
  chat: 'chat',
} as const satisfies { [K in keyof ClientMessages | keyof ServerMessages]: K };

/** The room types a client joins. */
export const ROOMS = { match: 'match', watch: 'watch' } as const;
