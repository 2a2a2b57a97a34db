import { expect } from 'vitest';
import type { RatingRow, RatingStore } from '../../server/store/RatingStore';
import type { UserStore } from '../../server/store/UserStore';

const row = (matchId: string, userId: string, seat: number, place: number, endedAt: number, mu: number): RatingRow => ({
  matchId,
  userId,
  seat,
  place,
  players: 4,
  endedAt,
  mu,
  sigma: 7.5,
  muBefore: 25,
  sigmaBefore: 25 / 3,
});

/** What every rating store does alike (run on SQLite and on a real PostgreSQL). */
export async function ratingStoreBehaves(users: UserStore, ratings: RatingStore): Promise<void> {
  await users.createAnonymous({ id: 'u-ada', name: 'Ada', createdAt: 1 });
  await users.createAnonymous({ id: 'u-bo', name: 'Bo', createdAt: 2 });
  await ratings.markRanked('m1', 10);
  await ratings.markRanked('m2', 20);
  await ratings.markRanked('m1', 30);
  expect(await ratings.unrated()).toEqual(['m1', 'm2']);

  const first = [row('m1', 'u-ada', 0, 1, 100, 27.5), row('m1', 'u-bo', 1, 3, 100, 23.25)];
  expect(await ratings.saveRated('m1', first)).toBe(true);
  // Rated once: a second attempt (another process, a reload) saves nothing.
  expect(await ratings.saveRated('m1', [row('m1', 'u-ada', 0, 2, 100, 99)])).toBe(false);
  expect(await ratings.unrated()).toEqual(['m2']);
  expect(await ratings.saveRated('m2', [row('m2', 'u-ada', 2, 2, 200, 26.125)])).toBe(true);
  // A match never marked (made before ratings were kept) is rated all the same, once.
  expect(await ratings.saveRated('m0', [])).toBe(true);
  expect(await ratings.saveRated('m0', [])).toBe(false);

  const latest = await ratings.latest(['u-ada', 'u-bo', 'u-nobody']);
  expect([...latest.keys()].sort()).toEqual(['u-ada', 'u-bo']);
  expect(latest.get('u-ada')).toEqual(row('m2', 'u-ada', 2, 2, 200, 26.125));
  expect((await ratings.history('u-ada')).map((r) => r.matchId)).toEqual(['m1', 'm2']);
  const standings = (await ratings.standings()).sort((a, b) => (a.userId < b.userId ? -1 : 1));
  expect(standings).toEqual([
    { userId: 'u-ada', name: 'Ada', mu: 26.125, sigma: 7.5, matches: 2, wins: 1 },
    { userId: 'u-bo', name: 'Bo', mu: 23.25, sigma: 7.5, matches: 1, wins: 0 },
  ]);
  expect((await ratings.all()).map((r) => `${r.matchId}:${r.seat}`)).toEqual(['m1:0', 'm1:1', 'm2:2']);

  await ratings.replaceAll([row('m2', 'u-bo', 0, 1, 200, 30)], ['m2', 'm3']);
  expect(await ratings.all()).toEqual([row('m2', 'u-bo', 0, 1, 200, 30)]);
  expect(await ratings.unrated()).toEqual([]);
}
