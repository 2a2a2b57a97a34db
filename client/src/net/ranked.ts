import type { Room, SeatReservation } from '@colyseus/sdk';
import { type Leaderboard, type Profile, QUEUE_MSG, QUEUE_ROOM, type QueueJoinOptions, type QueueMessages } from '../../../shared/wire/ranked';
import { MatchState } from '../../../shared/wire/state';
import { currentAccount, joinWithAccount, sdkClient } from './account';
import { json } from './api';
import { MatchConnection, rememberSeatToken } from './connection';

// Quick match (the queue room) and the ratings' HTTP answers: the leaderboard and profiles.

/** The account's token as a Bearer header, when this browser has one. */
const bearer = (): Record<string, string> => {
  const token = sdkClient().auth.token;
  return token ? { authorization: `Bearer ${token}` } : {};
};

/** The top 100, and this account's own row when it has played ranked. */
export function fetchLeaderboard(): Promise<Leaderboard> {
  return fetch('/api/leaderboard', { headers: bearer() }).then((r) => json<Leaderboard>(r));
}

/** A player's profile; `me` is this browser's account (a guest one is made first when there is none). */
export async function fetchProfile(userId: string | 'me'): Promise<Profile> {
  if (userId === 'me' && !sdkClient().auth.token) await currentAccount();
  return fetch(`/api/profile/${encodeURIComponent(userId)}`, { headers: userId === 'me' ? bearer() : {} }).then((r) => json<Profile>(r));
}

/** What a quick match tells its screen, in the order it happens. */
export interface QueueEvents {
  queued(info: QueueMessages['queued']): void;
  clients(count: number): void;
  matched(info: QueueMessages['matched']): void;
  /** The match room is joined and handed to `MatchConnection.open(matchId, …)`: open the match screen. */
  entered(matchId: string): void;
  /** The queue ended without a match (the server closed it, or the match could not be entered). */
  failed(why: string): void;
}

export interface QueueTicket {
  /** Leaves the queue (nothing happens once the match is being entered). */
  cancel(): Promise<void>;
}

/**
 * Joins the queue room with the account's token. The room answers `queued`, then `clients` while a
 * group forms, `matched` with the seat and its token, and the seat reservation: the client takes
 * the seat in the match room and confirms, and the queue room lets it go. A refused join rejects
 * with the server's "CODE: message".
 */
export async function joinQueue(options: QueueJoinOptions, events: QueueEvents): Promise<QueueTicket> {
  const sdk = sdkClient();
  // Quick match rates the account: a first visit's guest account must be made before the join.
  if (!sdk.auth.token) await currentAccount(options.name);
  const room: Room = await joinWithAccount(() => sdk.joinOrCreate(QUEUE_ROOM, options));
  let matched: QueueMessages['matched'] | null = null;
  let over = false;
  room.onMessage(QUEUE_MSG.queued, (m: QueueMessages['queued']) => events.queued(m));
  room.onMessage(QUEUE_MSG.clients, (n: QueueMessages['clients']) => events.clients(n));
  room.onMessage(QUEUE_MSG.matched, (m: QueueMessages['matched']) => {
    matched = m;
    // Kept at once: a refresh from now on returns to the match with it.
    rememberSeatToken(m.matchId, m.token);
    events.matched(m);
  });
  room.onMessage(QUEUE_MSG.seat, (reservation: SeatReservation) => {
    if (over) return;
    over = true;
    // The match's room is named by the match: its id stands in should `matched` not have come.
    const matchId = matched?.matchId ?? reservation.roomId;
    sdk.consumeSeatReservation(reservation, MatchState).then(
      (match) => {
        // Handed over before anything awaits: the match room's seat message is heard.
        MatchConnection.adopt(matchId, match);
        room.send(QUEUE_MSG.confirm, {});
        events.entered(matchId);
      },
      (e: unknown) => {
        void room.leave(true);
        events.failed(String((e as Error)?.message ?? e));
      },
    );
  });
  room.onLeave((code: number, reason?: string) => {
    if (over) return;
    over = true;
    events.failed(reason || String(code));
  });
  return {
    async cancel() {
      if (over) return;
      over = true;
      await room.leave(true);
    },
  };
}
