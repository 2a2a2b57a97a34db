import '../../server/wsGlobal';
import { Client, type Room } from '@colyseus/sdk';
import { MatchState } from '../../shared/wire/state';
import { type QueueMessages, QUEUE_MSG, QUEUE_ROOM } from '../../shared/wire/ranked';
import { GameClient } from './gameClient';

/** A player in the quick-match queue through a real SDK client: what the queue told them, and their match once made. */
export class QueuedPlayer {
  queued: QueueMessages['queued'] | null = null;
  readonly groupSizes: number[] = [];
  matched: QueueMessages['matched'] | null = null;
  private reservation: unknown = null;
  readonly joinedAt = Date.now();
  matchedAt = 0;

  private constructor(
    private readonly sdk: Client,
    readonly room: Room,
  ) {
    room.onMessage(QUEUE_MSG.queued, (m: QueueMessages['queued']) => (this.queued = m));
    room.onMessage(QUEUE_MSG.clients, (n: number) => this.groupSizes.push(n));
    room.onMessage(QUEUE_MSG.matched, (m: QueueMessages['matched']) => {
      this.matched = m;
      this.matchedAt = Date.now();
    });
    room.onMessage(QUEUE_MSG.seat, (reservation: unknown) => (this.reservation = reservation));
  }

  /** Joins the queue with an account's token (or none, to be refused). */
  static async join(port: number, authToken: string | undefined, options: Record<string, unknown> = {}): Promise<QueuedPlayer> {
    const sdk = new Client(`ws://127.0.0.1:${port}`);
    sdk.auth.token = authToken as string;
    return new QueuedPlayer(sdk, await sdk.joinOrCreate(QUEUE_ROOM, options));
  }

  /** Waits for the seat reservation, takes the seat with it and confirms to the queue (which then lets go). */
  async takeSeat(timeoutMs = 20_000): Promise<GameClient> {
    const start = Date.now();
    while (!this.reservation) {
      if (Date.now() - start > timeoutMs) throw new Error('no match was made in time');
      await new Promise((r) => setTimeout(r, 20));
    }
    const room = await this.sdk.consumeSeatReservation(this.reservation as Parameters<Client['consumeSeatReservation']>[0], MatchState);
    this.room.send(QUEUE_MSG.confirm, {});
    return GameClient.adopt(room);
  }

  leave(): Promise<unknown> {
    return this.room.leave(true);
  }
}
