import '../../server/wsGlobal';
import { Client, type Room } from '@colyseus/sdk';
import { useNativeStringDecoding } from '../../client/src/net/fastStrings';
import type { Command } from '../../shared/domain/commands';
import type { ChatLine } from '../../shared/wire/messages';
import { MatchState } from '../../shared/wire/state';

export type Reply = { ok: true; seq: number } | { ok: false; code: string; message: string };

// Decode room state as the browser client does.
useNativeStringDecoding();

/** A real SDK client in a match room, with request ids matched to acks and refusals. */
export class GameClient {
  private next = 1;
  private readonly waiting = new Map<string | number, (reply: Reply) => void>();
  /** Replies to no pending `command()` (e.g. to `raw()` messages), with the id the room echoed. */
  readonly unmatched: Array<Reply & { id: string | number | null }> = [];
  seat: number | null = null;
  token: string | null = null;
  role = '';
  /** Every chat line the room sent this client, in order, once each. */
  readonly chat: ChatLine[] = [];

  private constructor(readonly room: Room<unknown, MatchState>) {
    room.onMessage('ack', (m: { id: string | number | null; seq: number }) => this.settle(m.id, { ok: true, seq: m.seq }));
    room.onMessage('rejected', (m: { id: string | number | null; code: string; message: string }) =>
      this.settle(m.id, { ok: false, code: m.code, message: m.message }),
    );
    room.onMessage('chat', (m: { lines: ChatLine[] }) => {
      for (const line of m.lines) if (!this.chat.some((l) => l.seq === line.seq)) this.chat.push(line);
    });
    room.onMessage('seat', (m: { seat: number | null; token: string | null; role: string }) => {
      this.seat = m.seat;
      this.token = m.token ?? this.token;
      this.role = m.role;
    });
  }

  /** `server` is a loopback port or a ws:// URL; `authToken` an account's token (from /auth), sent with the join. */
  static async join(server: number | string, matchId: string, options: Record<string, unknown>, authToken?: string): Promise<GameClient> {
    const sdk = new Client(typeof server === 'number' ? `ws://127.0.0.1:${server}` : server);
    // Without a browser the SDK keeps the last signed-in token for every client of the process: say whose this one is.
    sdk.auth.token = authToken as string;
    const room = await sdk.joinOrCreate('match', { matchId, ...options }, MatchState);
    const client = new GameClient(room);
    await client.until(() => client.role !== '');
    return client;
  }

  /** A client for a room joined another way (a seat reservation from the quick-match queue). */
  static async adopt(room: Room<unknown, MatchState>): Promise<GameClient> {
    const client = new GameClient(room);
    await client.until(() => client.role !== '');
    return client;
  }

  get state(): MatchState {
    return this.room.state;
  }

  private settle(id: string | number | null, reply: Reply): void {
    const resolve = id === null ? undefined : this.waiting.get(id);
    if (!resolve) {
      this.unmatched.push({ ...reply, id });
      return;
    }
    this.waiting.delete(id!);
    resolve(reply);
  }

  command(command: Command | unknown): Promise<Reply> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.room.send('command', { id, command });
    });
  }

  /** Says a line of chat; the reply is the room's ack or refusal. */
  say(text: string): Promise<Reply> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.room.send('say', { id, text });
    });
  }

  /** Sends anything at all (for hostile-input tests); the reply has to be matched by the caller. */
  raw(type: string, payload: unknown): void {
    this.room.send(type, payload);
  }

  async until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
    const start = Date.now();
    while (!check()) {
      if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for the room');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async leave(): Promise<void> {
    await this.room.leave(true);
  }
}
