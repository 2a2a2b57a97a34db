import { ServerError } from '@colyseus/core';
import type { GameState } from '../../shared/domain/state';
import { accountOf } from '../auth/accounts';
import type { MatchRegistry } from '../match/MatchRegistry';
import type { UserStore } from '../store/UserStore';
import type { SeatCooldowns } from './floodCooldown';
import { SPECTATOR_DELAYED, spectatorDelayed } from './spectators';
import { isTeamSeat, teamWithRoom, type Member } from './teams';
import { joinOptionsSchema } from './wire';

export const MATCH_EXPIRED = 'MATCH_EXPIRED: nobody started this match in time, so it was closed; create a new one.';

/** Who a connection is, as its join decided. */
export interface Seated {
  role: 'player' | 'spectator' | 'facilitator';
  seat: number | null;
  /** A token just issued for a newly claimed seat (sent to the client once). */
  newToken: string | null;
  /** The student's name in the roster (players). */
  name?: string;
  /** The seat token this player holds (the one they joined with or were given): what a revoke forgets. */
  heldToken?: string;
}

/** What admission reads of the match room. */
export interface AdmissionContext {
  registry: MatchRegistry;
  matchId: string;
  classroom: boolean;
  /** The match's live state now (read after each wait: it may have moved on). */
  live: () => GameState;
  cooldowns: SeatCooldowns;
  /** The students in the room now, with their seats. */
  members: () => Member[];
  users: UserStore;
  /** The account the client joined with (a verified token), or null without one. */
  userId: string | null;
}

/**
 * Outside classrooms, a seat taken with an account is that account's: its token (or a seat token)
 * from another account, or a seat token alone, cannot play it. A seat taken without an account
 * becomes the first account's that plays it. (A classroom's seats are teams, kept by seat tokens.)
 */
async function holdSeat(ctx: AdmissionContext, seat: number): Promise<void> {
  if (ctx.classroom) return;
  const holder = ctx.userId === null ? await ctx.users.seatHolder(ctx.matchId, seat) : await ctx.users.bindSeat(ctx.matchId, seat, ctx.userId, Date.now());
  if (holder === null || holder === ctx.userId) return;
  if (ctx.userId === null) throw new ServerError(403, 'SIGN_IN_REQUIRED: this seat belongs to an account; sign in to it to play the seat.');
  throw new ServerError(403, 'SEAT_OF_ANOTHER_USER: this seat belongs to another account; sign in to that account to play it.');
}

/**
 * The account a client joined with, or null: @colyseus/auth has verified its token (a bad one never
 * gets here) and left the claims in `client.auth`.
 */
export function joinedAccount(auth: unknown, token: string | undefined): string | null {
  const account = accountOf(auth);
  if (token && !account) throw new ServerError(401, 'NOT_AN_ACCOUNT_TOKEN: sign in again (the token names no account).');
  return account?.id ?? null;
}

/** Who a joining client is: a seat (by token, or a newly claimed one), a team member, the facilitator or a spectator. */
export async function admit(ctx: AdmissionContext, rawOptions: unknown): Promise<Seated> {
  const { registry, matchId, live } = ctx;
  const parsed = joinOptionsSchema.safeParse(rawOptions ?? {});
  if (!parsed.success) throw new ServerError(400, 'MALFORMED_OPTIONS: join with {name}, {token}, {spectate} or {facilitatorKey}.');
  const o = parsed.data;
  if (o.matchId !== undefined && o.matchId !== matchId) throw new ServerError(400, `MALFORMED_OPTIONS: this is the room of match ${matchId}, not ${o.matchId}.`);
  if (live().status === 'expired') throw new ServerError(410, MATCH_EXPIRED);
  if (o.token !== undefined) {
    const seat = await registry.seatForToken(matchId, o.token);
    if (seat === null) throw new ServerError(403, 'INVALID_SEAT_TOKEN: this token does not hold a seat in this match.');
    const wait = ctx.cooldowns.waitLeft(seat, Date.now());
    if (wait > 0) throw new ServerError(429, `FLOOD_COOLDOWN: this seat was dropped for flooding; it may come back in ${Math.ceil(wait / 1000)} s.`);
    // A seat the facilitator handed to a bot has no player any more: its old token only watches.
    if (live().seats[seat]?.kind === 'bot') return { role: 'spectator', seat: null, newToken: null };
    await holdSeat(ctx, seat);
    return { role: 'player', seat, newToken: null, heldToken: o.token, name: o.name ?? live().seats[seat]?.name ?? '' };
  }
  if (o.facilitatorKey !== undefined) {
    if (!(await registry.isFacilitator(matchId, o.facilitatorKey)))
      throw new ServerError(403, 'INVALID_FACILITATOR_KEY: this key does not run this match.');
    return { role: 'facilitator', seat: null, newToken: null };
  }
  if (o.spectate || o.name === undefined) {
    // With a spectator delay, spectators watch from the watch room, which never holds newer data.
    if (spectatorDelayed(live())) throw new ServerError(403, `${SPECTATOR_DELAYED}: this match shows spectators a delayed view; join the "watch" room.`);
    // A spectator's name, if they gave one, is what their chat lines are signed with.
    return { role: 'spectator', seat: null, newToken: null, ...(o.name?.trim() ? { name: o.name.trim() } : {}) };
  }
  // Closed by the facilitator: students already in come back with their tokens, nobody new joins.
  if (live().joiningClosed) throw new ServerError(403, 'JOINING_CLOSED: the facilitator has closed this class to new students; ask them to open it.');
  const seats = live().seats;
  // In a classroom, students beyond the seats (or asking for a team) join a seat's team.
  if (o.team !== undefined && !ctx.classroom) throw new ServerError(409, 'NOT_A_TEAM: only classroom matches have teams.');
  if (o.team !== undefined || (ctx.classroom && !seats.some((s) => s.kind === 'open'))) {
    const seat = o.team ?? teamWithRoom(seats, ctx.members());
    if (seat === null || !isTeamSeat(seats, seat)) throw new ServerError(409, `NOT_A_TEAM: ${seat === null ? 'no seat is played by students yet' : `seat ${seat} is not played by students`}.`);
    const token = await registry.issueSeatToken(matchId, seat);
    return { role: 'player', seat, newToken: token, heldToken: token, name: o.name };
  }
  const joined = await registry.joinSeat(matchId, o.name);
  if (!joined.ok) throw new ServerError(409, `${joined.code}: ${joined.message}`);
  await holdSeat(ctx, joined.seat);
  return { role: 'player', seat: joined.seat, newToken: joined.token, heldToken: joined.token, name: o.name };
}
