import { describe, expect, it } from 'vitest';
import { SeatSessions } from '../../server/rooms/seatSessions';

/** Sessions with a recorded autopilot switch and a match that ends when told. */
function sessions() {
  const switched: Array<[number, boolean]> = [];
  let over = false;
  const s = new SeatSessions(
    (seat, on) => switched.push([seat, on]),
    () => over,
  );
  return { s, switched, end: () => (over = true) };
}

describe('seat sessions', () => {
  it('a seat with a connection is played by its player; away with none, a bot plays it until one returns', () => {
    const { s, switched } = sessions();
    s.join(1);
    expect(s.isPlayed(1)).toBe(true);
    expect(switched).toEqual([[1, false]]);
    s.leave(1);
    expect(s.isPlayed(1)).toBe(false);
    s.away(1);
    expect(switched).toEqual([[1, false], [1, true]]);
    s.join(1);
    expect(switched.at(-1)).toEqual([1, false]);
  });

  it('counts every connection of a seat (a team, a second tab): the seat is away only when the last one leaves', () => {
    const { s, switched } = sessions();
    s.join(0);
    s.join(0);
    s.join(2);
    expect([...s.played()].sort()).toEqual([0, 2]);
    s.leave(0);
    s.away(0);
    expect(s.isPlayed(0)).toBe(true);
    expect(switched.filter(([, on]) => on)).toEqual([]);
    s.leave(0);
    s.away(0);
    expect(switched.filter(([, on]) => on)).toEqual([[0, true]]);
    expect([...s.played()]).toEqual([2]);
  });

  it('hands no seat to a bot once the match is over, and a leave never counts below zero', () => {
    const { s, switched, end } = sessions();
    s.leave(3);
    expect(s.isPlayed(3)).toBe(false);
    s.join(3);
    s.leave(3);
    end();
    s.away(3);
    expect(switched).toEqual([[3, false]]);
  });
});
