import { describe, expect, it } from 'vitest';
import { matchDate, ordinal, ratingChange, serverTime, waitingTime } from '../../client/src/ui/rankedFormat';
import { ratingSeries } from '../../client/src/ui/ratingChart';
import type { ProfileMatch } from '../../shared/wire/ranked';

describe('places as words of order', () => {
  it('says 1st, 2nd, 3rd, 4th in English, with the teens all "th"', () => {
    expect([1, 2, 3, 4, 5, 10].map((n) => ordinal(n, 'en'))).toEqual(['1st', '2nd', '3rd', '4th', '5th', '10th']);
    expect([11, 12, 13, 111, 112].map((n) => ordinal(n, 'en'))).toEqual(['11th', '12th', '13th', '111th', '112th']);
    expect([21, 22, 23, 101, 102].map((n) => ordinal(n, 'en'))).toEqual(['21st', '22nd', '23rd', '101st', '102nd']);
  });

  it('writes a number with a full stop in German', () => {
    expect([1, 2, 3, 11, 22].map((n) => ordinal(n, 'de'))).toEqual(['1.', '2.', '3.', '11.', '22.']);
  });
});

describe('a rating’s change', () => {
  it('carries its sign: a plus, a real minus, or ±0', () => {
    expect(ratingChange(12)).toBe('+12');
    expect(ratingChange(-8)).toBe('\u22128');
    expect(ratingChange(0)).toBe('±0');
  });

  it('is rounded to whole points, and a change that rounds to nothing is ±0', () => {
    expect(ratingChange(11.6)).toBe('+12');
    expect(ratingChange(-7.5)).toBe('\u22127');
    expect(ratingChange(-0.4)).toBe('±0');
  });
});

describe('the waiting time', () => {
  it('counts minutes and seconds, then hours', () => {
    expect(waitingTime(0)).toBe('0:00');
    expect(waitingTime(7)).toBe('0:07');
    expect(waitingTime(65.9)).toBe('1:05');
    expect(waitingTime(3723)).toBe('1:02:03');
  });

  it('never goes below zero (a clock set back)', () => {
    expect(waitingTime(-3)).toBe('0:00');
  });
});

describe('match dates', () => {
  it('reads the server’s milliseconds, and seconds too', () => {
    expect(serverTime(1_800_000_000_000).getTime()).toBe(1_800_000_000_000);
    expect(serverTime(1_800_000_000).getTime()).toBe(1_800_000_000_000);
  });

  it('are written the reader’s way', () => {
    const at = Date.UTC(2026, 11, 7, 18, 50);
    expect(matchDate(at, 'en', 'UTC')).toBe('7 Dec 2026, 18:50');
    expect(matchDate(at, 'de', 'UTC')).toBe('07.12.2026, 18:50');
  });
});

describe('the rating chart’s data', () => {
  const match = (at: number, rating: number, change: number): ProfileMatch => ({ matchId: `m${at}`, at, place: 1, of: 4, change, rating, mu: 25, sigma: 8 });

  it('puts the profile’s matches (newest first) oldest first, numbered from 1, after the rating before the first (at 0)', () => {
    expect(ratingSeries([match(300, 1040, 30), match(200, 1010, 20), match(100, 990, -10)])).toEqual({ x: [0, 1, 2, 3], ratings: [1000, 990, 1010, 1040], at: [100, 200, 300] });
  });

  it('is empty without matches', () => {
    expect(ratingSeries([])).toEqual({ x: [], ratings: [], at: [] });
  });
});
