import { Callbacks, type Room } from '@colyseus/sdk';
import { FLOODED_CLOSE_CODE, REVOKED_CLOSE_CODE } from '../../../shared/domain/closeCodes';
import type { Command } from '../../../shared/domain/commands';
import { type ChatLine, type ClientMessages, type JoinOptions, type MessageId, MSG, type Role, ROOMS, type ServerMessages, type WatchInfo, type WatchOptions } from '../../../shared/wire/messages';
import { MatchState } from '../../../shared/wire/state';
import { joinWithAccount, sdkClient } from './account';
import { useNativeStringDecoding } from './fastStrings';
import { sendPaced } from './rateLimited';


// With account.ts and ranked.ts (the quick match queue), the only modules that talk to @colyseus/sdk: screens read the typed room state, subscribe to its
// changes and send typed commands.

useNativeStringDecoding();

export type Reply = { ok: true; seq: number } | { ok: false; code: string; message: string };
export type { Role, WatchInfo };

/** Listens to one of the rooms' messages, typed by its name. */
function on<K extends keyof ServerMessages>(room: Room, name: K, listener: (message: ServerMessages[K]) => void): void {
  room.onMessage(name, listener);
}

/** Sends one of the client's messages, typed by its name. */
function send<K extends keyof ClientMessages>(room: Room, name: K, message: ClientMessages[K]): void {
  room.send(name, message);
}

const SEAT_PREFIX = 'closed-loop.seat.';
const tokenKey = (matchId: string) => `${SEAT_PREFIX}${matchId}`;

/** The matches this browser holds a seat token for. */
export function heldSeats(storage: Pick<Storage, 'length' | 'key'> = localStorage): string[] {
  const ids: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(SEAT_PREFIX)) ids.push(key.slice(SEAT_PREFIX.length));
  }
  return ids;
}

/** Forgets the seat token of a match that is gone. */
export function forgetSeatToken(matchId: string): void {
  localStorage.removeItem(tokenKey(matchId));
}
const facilitatorKeyKey = (matchId: string) => `closed-loop.facilitator.${matchId}`;

/** A seat token issued outside the room (a what-if fork taken at once), used on the next join. */
export function rememberSeatToken(matchId: string, token: string): void {
  localStorage.setItem(tokenKey(matchId), token);
}

export function rememberFacilitatorKey(matchId: string, key: string): void {
  localStorage.setItem(facilitatorKeyKey(matchId), key);
}

/** The facilitator key this browser holds for a match, if any. */
export function storedFacilitatorKey(matchId: string): string | null {
  return localStorage.getItem(facilitatorKeyKey(matchId));
}

/** Forgets a facilitator key that the server refused. */
export function forgetFacilitatorKey(matchId: string): void {
  localStorage.removeItem(facilitatorKeyKey(matchId));
}

export interface JoinIntent {
  name?: string;
  spectate?: boolean;
}

/** Match rooms joined by a quick match, waiting for the match screen to open them. */
const adopted = new Map<string, Promise<MatchConnection>>();

export class MatchConnection {
  private next = 1;
  private readonly waiting = new Map<number, (r: Reply) => void>();
  role: Role = 'spectator';
  seat: number | null = null;
  /** Spectators only: how far behind the players their view is. */
  watch: WatchInfo | null = null;
  readonly watchListeners = new Set<(info: WatchInfo) => void>();
  /** The chat lines this client may read, once each, in the order they were said. */
  readonly chat: ChatLine[] = [];
  onChat: (fresh: ChatLine[]) => void = () => undefined;
  onChange: () => void = () => undefined;
  onConnection: (up: boolean) => void = () => undefined;
  /** The server ended the link for good: `removed` (the facilitator revoked this student) or `flooded` (too many messages). */
  onClosed: (why: 'removed' | 'flooded') => void = () => undefined;

  private constructor(private readonly room: Room<unknown, MatchState>) {
    on(room, MSG.ack, (m) => this.settle(m.id, { ok: true, seq: m.seq }));
    on(room, MSG.rejected, (m) =>
      this.settle(m.id, { ok: false, code: m.code, message: m.message }),
    );
    room.onStateChange(() => this.onChange());
    on(room, MSG.chat, (m) => {
      const fresh = m.lines.filter((line) => !this.chat.some((l) => l.seq === line.seq));
      if (fresh.length === 0) return;
      this.chat.push(...fresh);
      // A delayed watch room hands the players' lines over later than the spectators' ones.
      this.chat.sort((a, b) => a.seq - b.seq);
      this.onChat(fresh);
    });
    on(room, MSG.watch, (m) => {
      this.watch = m;
      for (const listener of this.watchListeners) listener(m);
    });
    room.onDrop(() => this.onConnection(false));
    room.onReconnect(() => this.onConnection(true));
  }

  /** Joins with the stored seat token if there is one, else as asked; remembers a new token. */
  static async open(matchId: string, intent: JoinIntent): Promise<MatchConnection> {
    const handed = adopted.get(matchId);
    if (handed) {
      adopted.delete(matchId);
      return handed;
    }
    // The page's one SDK client: the account's token goes with the join.
    const sdk = sdkClient();
    const token = localStorage.getItem(tokenKey(matchId));
    const key = storedFacilitatorKey(matchId);
    const options = key ? { facilitatorKey: key } : token ? { token, ...(intent.name ? { name: intent.name } : {}) } : intent.spectate || !intent.name ? { spectate: true } : { name: intent.name };
    let room: Room<unknown, MatchState>;
    try {
      // Spectators watch from the match's watch room: the server cuts it to the spectator delay.
      // A match's room is made on its first join (a waiting match has none until someone comes).
      room = await joinWithAccount(() =>
        'spectate' in options ? sdk.joinOrCreate(ROOMS.watch, { matchId, ...(intent.name ? { name: intent.name } : {}) } satisfies WatchOptions, MatchState) : sdk.joinOrCreate(ROOMS.match, { matchId, ...options } satisfies JoinOptions, MatchState),
      );
    } catch (e) {
      // A stale token (another browser took over, or the seat was handed to a bot): join as asked.
      if (!token) throw e;
      localStorage.removeItem(tokenKey(matchId));
      room =
        intent.name && !intent.spectate
          ? await sdk.joinOrCreate(ROOMS.match, { matchId, name: intent.name } satisfies JoinOptions, MatchState)
          : await sdk.joinOrCreate(ROOMS.watch, { matchId } satisfies WatchOptions, MatchState);
    }
    return MatchConnection.attach(matchId, room);
  }

  /**
   * Hands over a match room joined elsewhere (a quick match's seat reservation): the next
   * `open(matchId, …)` takes it instead of joining again. Its listeners start now, so the seat
   * message the room sends right after the join is not missed.
   */
  static adopt(matchId: string, room: Room<unknown, MatchState>): void {
    const attached = MatchConnection.attach(matchId, room);
    // A hand-off nobody opens (the page moved on) must not report an unhandled rejection.
    attached.catch(() => undefined);
    adopted.set(matchId, attached);
  }

  /** Listens to a joined room and waits for its seat (and, for spectators, their delay). */
  private static async attach(matchId: string, room: Room<unknown, MatchState>): Promise<MatchConnection> {
    const conn = new MatchConnection(room);
    room.onLeave((code: number) => {
      if (code === REVOKED_CLOSE_CODE) {
        // The token was revoked: keeping it would only fail at the next visit.
        localStorage.removeItem(tokenKey(matchId));
        conn.onClosed('removed');
      } else if (code === FLOODED_CLOSE_CODE) conn.onClosed('flooded');
    });
    await new Promise<void>((resolve) => {
      on(room, MSG.seat, (m) => {
        conn.role = m.role;
        conn.seat = m.seat;
        if (m.token) localStorage.setItem(tokenKey(matchId), m.token);
        resolve();
      });
    });
    // The watch room tells spectators their delay right after their seat.
    if (room.name === ROOMS.watch && !conn.watch) await new Promise<void>((resolve) => conn.watchListeners.add(() => resolve()));
    return conn;
  }

  get state(): MatchState {
    return this.room.state;
  }

  /** The room state's change callbacks (listen, onAdd, onChange of any part of it). */
  get callbacks() {
    return Callbacks.get(this.room);
  }

  private settle(id: MessageId | null, reply: Reply): void {
    // This client numbers its messages; an answer with any other id is not one it waits for.
    const resolve = typeof id === 'number' ? this.waiting.get(id) : undefined;
    if (!resolve) return;
    this.waiting.delete(id as number);
    resolve(reply);
  }

  send(command: Command): Promise<Reply> {
    return sendPaced(() => {
      const id = this.next++;
      return new Promise((resolve) => {
        this.waiting.set(id, resolve);
        send(this.room, MSG.command, { id, command });
      });
    });
  }

  /** Facilitator: moves a student (by session id) into the team of another seat. */
  moveMember(memberId: string, seat: number): Promise<Reply> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      send(this.room, MSG.moveMember, { id, memberId, seat });
    });
  }

  /** Facilitator: takes a student's credential back (by session id); they leave the match. */
  revokeMember(memberId: string): Promise<Reply> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      send(this.room, MSG.revokeMember, { id, memberId });
    });
  }

  /** Says a line of chat (players to the players' channel, spectators to theirs). */
  say(text: string): Promise<Reply> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      send(this.room, MSG.say, { id, text });
    });
  }

  /** Tells the room this player is ready to play (their tour is done): a solo match's first quarter then starts its clock. */
  ready(): void {
    if (this.role === 'player') send(this.room, MSG.ready, {});
  }

  leave(): Promise<unknown> {
    return this.room.leave(true);
  }
}
