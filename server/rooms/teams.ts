import type { Seat } from '../../shared/domain/state';

// Teams: several students share one seat. The engine knows only seats; the room keeps which
// connected student plays in which seat's team, and every member holds the seat's token, so
// membership survives a restart of the server without anything else stored.

export interface Member {
  id: string;
  name: string;
  seat: number;
}

/** The team a student joins when no seat is free: the human seat with the fewest members (then the lowest). */
export function teamWithRoom(seats: readonly Seat[], members: readonly Member[]): number | null {
  let best: { seat: number; count: number } | null = null;
  for (const seat of seats) {
    if (seat.kind !== 'human') continue;
    const count = members.filter((m) => m.seat === seat.index).length;
    if (!best || count < best.count) best = { seat: seat.index, count };
  }
  return best?.seat ?? null;
}

/** Whether a seat can take students: only seats that students play (not bots, not still open). */
export function isTeamSeat(seats: readonly Seat[], seat: number): boolean {
  return Number.isInteger(seat) && seats[seat]?.kind === 'human';
}

/** The roster as everyone sees it: each team's members by seat, in join order. */
export function roster(members: readonly Member[]): Member[] {
  return [...members].sort((a, b) => a.seat - b.seat).map((m) => ({ id: m.id, name: m.name, seat: m.seat }));
}
