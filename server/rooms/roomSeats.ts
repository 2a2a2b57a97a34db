import type { Client } from '@colyseus/core';
import type { MatchState } from '../../shared/wire/state';
import { dataOf, playedSeat } from './clientData';
import type { SeatSessions } from './seatSessions';
import type { Member } from './teams';
import { tell } from './wire';

/**
 * Which of the room's connections play which seat, and what each one's StateView holds: a player
 * sees its own seat's private side, everyone sees every seat's once the match is over.
 */
export class RoomSeats {
  constructor(
    private readonly room: { readonly clients: Iterable<Client>; readonly state: MatchState },
    private readonly sessions: SeatSessions,
    /** The host's autopilot switch for a seat (a second tab of a seated player turns it off again). */
    private readonly autopilot: (seat: number, on: boolean) => void,
    /** A seat's wait after it was dropped for flooding, and the room's timer. */
    private readonly flood: { waitMs(seat: number): number; after(ms: number, fn: () => void): void },
  ) {}

  /**
   * A player's link dropped (not a goodbye): the seat is no longer played from it. Returns whether
   * the room should hold the seat for its player's return (a grace window). A seat dropped for
   * flooding keeps its sheet through its wait instead; if nobody is back when the wait and a grace
   * window are over, a bot plays it as for any leaver.
   */
  dropped(client: Client, graceMs: number): boolean {
    const data = dataOf(client);
    if (!data || data.role !== 'player' || data.seat === null) return false;
    this.unseat(client);
    const seat = data.seat;
    if (data.flooded) this.flood.after(this.flood.waitMs(seat) + graceMs, () => this.sessions.away(seat));
    return !data.flooded && !data.revoked;
  }

  /** A goodbye, or a drop whose grace window ran out: a bot plays the seat until its owner returns. */
  left(client: Client): void {
    const data = dataOf(client);
    if (!data || data.role !== 'player' || data.seat === null) return;
    this.unseat(client);
    // (After a flood drop, `dropped` decides when a bot takes over.)
    if (!data.flooded) this.sessions.away(data.seat);
  }

  /** The room's spectators (a delay was just set: they see live data here, so they must go). */
  spectators(): Client[] {
    return [...this.room.clients].filter((c) => dataOf(c)?.role === 'spectator');
  }

  /** A player's connection starts playing its seat; its view holds the seat's row. */
  seat(client: Client, seat: number): void {
    const data = dataOf(client)!;
    if (!data.seated) {
      data.seated = true;
      this.sessions.join(seat);
    } else this.autopilot(seat, false);
    const row = this.room.state.players[seat];
    if (row && client.view && !client.view.has(row)) client.view.add(row);
  }

  /** The connection stops playing its seat (it may come back). */
  unseat(client: Client): void {
    const data = dataOf(client)!;
    if (!data.seated || data.seat === null) return;
    data.seated = false;
    this.sessions.leave(data.seat);
  }

  /** A seat handed to a bot: its players (a whole team) watch from now on; their own books stay theirs to see. */
  retire(seat: number): void {
    for (const c of this.room.clients) {
      const d = dataOf(c);
      if (d?.role !== 'player' || d.seat !== seat) continue;
      this.unseat(c);
      d.role = 'spectator';
      d.seat = null;
      tell(c, 'seat', { role: 'spectator', seat: null, token: null });
    }
  }

  /** A student moves to another seat's team: their view leaves the old row (while the match runs) for the new one. */
  move(member: Client, seat: number, ended: boolean): void {
    const md = dataOf(member)!;
    const from = md.seat!;
    this.unseat(member);
    const oldRow = this.room.state.players[from];
    if (oldRow && member.view?.has(oldRow) && !ended) member.view.remove(oldRow);
    this.sessions.away(from);
    md.seat = seat;
    this.seat(member, seat);
  }

  /** The students in the room, each with the seat whose team they play in. */
  members(): Member[] {
    return [...this.room.clients].flatMap((c) => {
      const seat = playedSeat(c);
      return seat === null ? [] : [{ id: c.sessionId, name: dataOf(c)!.name ?? '', seat }];
    });
  }

  /** Each player's view holds its seat's row (rows the projection just made too); once the match is over, every view holds every row. */
  showRows(ended: boolean): void {
    const rows = this.room.state.players;
    for (const c of this.room.clients) {
      if (!c.view) continue;
      if (ended) {
        for (const row of rows) if (!c.view.has(row)) c.view.add(row);
        continue;
      }
      const seat = playedSeat(c);
      const row = seat === null ? undefined : rows[seat];
      if (row && !c.view.has(row)) c.view.add(row);
    }
  }
}
