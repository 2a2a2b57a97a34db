import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { rate, rating } from 'openskill';
import { describe, expect, it } from 'vitest';
import { BOT_RATINGS, botDifficultyFor, shownRating } from '../../server/ratings/wengLin';
import { openRatingStore } from '../../server/store/openStore';
import type { Leaderboard, Profile } from '../../shared/wire/ranked';
import { accountClient } from '../support/accountFlow';
import type { GameClient } from '../support/gameClient';
import { QueuedPlayer } from '../support/queueClient';
import { useTestServer } from '../support/testServer';

// Quick match on Colyseus' QueueRoom with real SDK clients and accounts: four players make one
// ranked match, one player gets bots after the wait; a ranked match's end moves its players'
// ratings exactly as openskill says for that ranking, and the rebuild gives the same rows.

const run = promisify(execFile);
const WAIT_SECONDS = 2;
const live = useTestServer('quick-', { quickMatch: { waitSeconds: WAIT_SECONDS, planningSeconds: 600, quarters: 2 } });
const base = () => `http://127.0.0.1:${live.server.port}`;

async function guest(name: string): Promise<{ id: string; token: string }> {
  const signed = await accountClient(live.server.port).auth.signInAnonymously({ name });
  return { id: (signed.user as { id: string }).id, token: signed.token };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Every player locks each quarter's orders until the match is over. */
async function playOut(players: GameClient[]): Promise<void> {
  for (const p of players) p.raw('ready', {});
  for (let quarter = 1; ; quarter++) {
    await until(() => players[0]!.state.status === 'ended' || (players[0]!.state.status === 'planning' && players[0]!.state.quarter === quarter));
    if (players[0]!.state.status === 'ended') return;
    for (const p of players) expect(await p.command({ type: 'LockOrders', data: { seat: p.seat, quarter } })).toMatchObject({ ok: true });
  }
}

async function ranking(matchId: string): Promise<number[]> {
  const ended = (await live.server.registry.store.read(matchId)).find((e) => e.type === 'MatchEnded');
  if (ended?.type !== 'MatchEnded') throw new Error('the match has not ended');
  return ended.data.ranking;
}

const leaderboard = async (token?: string) => (await (await fetch(`${base()}/api/leaderboard`, token ? { headers: { authorization: `Bearer ${token}` } } : {})).json()) as Leaderboard;
const profile = async (id: string) => (await (await fetch(`${base()}/api/profile/${id}`)).json()) as Profile;

describe('quick match', () => {
  const four: Array<{ id: string; token: string }> = [];

  it('groups four waiting players into one ranked match, one seat each, at once', async () => {
    for (const name of ['Ada', 'Bo', 'Cy', 'Di']) four.push(await guest(name));
    const queued = await Promise.all(four.map((a, i) => QueuedPlayer.join(live.server.port, a.token, { name: `Q${i}` })));
    await until(() => queued.every((q) => q.queued !== null));
    expect(queued[0]!.queued).toMatchObject({ waitSeconds: WAIT_SECONDS, seats: 4, rating: 1000, mu: 25 });
    const players = await Promise.all(queued.map((q) => q.takeSeat()));
    const matchId = queued[0]!.matched!.matchId;
    expect(queued.map((q) => q.matched!.matchId)).toEqual([matchId, matchId, matchId, matchId]);
    expect(queued[0]!.matched).toMatchObject({ humans: 4, bots: 0 });
    expect(players.map((p) => p.seat).sort()).toEqual([0, 1, 2, 3]);
    expect(players.every((p) => p.role === 'player')).toBe(true);
    // Grouped on the first cycles, long before the wait for bots ran out.
    expect(Math.max(...queued.map((q) => q.matchedAt - q.joinedAt))).toBeLessThan(WAIT_SECONDS * 1000);
    const seatsByName = Object.fromEntries(players.map((p) => [p.state.players.find((s) => s.seat === p.seat)!.name, p.seat]));
    expect(Object.keys(seatsByName).sort()).toEqual(['Q0', 'Q1', 'Q2', 'Q3']);
    expect((await live.server.registry.store.read(matchId))[0]).toMatchObject({ type: 'MatchCreated', data: { settings: { ranked: true, seats: 4 } } });

    await playOut(players);
    const places = await ranking(matchId);
    // openskill's own numbers for this ranking, from four newcomers.
    const expected = rate(
      places.map(() => [rating()]),
      { rank: [0, 1, 2, 3].map((seat) => places.indexOf(seat) + 1) },
    );
    await until(async () => (await leaderboard()).players === 4);
    const board = await leaderboard(four[0]!.token);
    for (const [i, account] of four.entries()) {
      const seat = players[i]!.seat!;
      const row = board.top.find((r) => r.userId === account.id)!;
      expect(row.mu).toBeCloseTo(expected[seat]![0]!.mu, 10);
      expect(row.sigma).toBeCloseTo(expected[seat]![0]!.sigma, 10);
      expect(row).toMatchObject({ matches: 1, wins: places[0] === seat ? 1 : 0, rating: shownRating(expected[seat]![0]!) });
    }
    expect(board.top.map((r) => r.position)).toEqual([1, 2, 3, 4]);
    expect(board.top[0]!.userId).toBe(four[players.findIndex((p) => p.seat === places[0])]!.id);
    expect(board.you).toMatchObject({ userId: four[0]!.id });
    for (const p of players) await p.leave();
  });

  it('completes a lone player\'s table with bots as strong as them once the wait is over', async () => {
    const first = four[0]!;
    const before = (await leaderboard()).top.find((r) => r.userId === first.id)!;
    const alone = await QueuedPlayer.join(live.server.port, first.token);
    const player = await alone.takeSeat();
    expect(alone.matchedAt - alone.joinedAt).toBeGreaterThanOrEqual(WAIT_SECONDS * 1000);
    expect(alone.groupSizes[0]).toBe(1);
    const difficulty = botDifficultyFor(before.mu);
    expect(alone.matched).toMatchObject({ humans: 1, bots: 3, difficulty });
    expect(player.seat).toBe(0);
    expect(player.state.players.filter((p) => p.kind === 'bot').map((p) => p.difficulty)).toEqual([difficulty, difficulty, difficulty]);

    await playOut([player]);
    const matchId = alone.matched!.matchId;
    const places = await ranking(matchId);
    const teams = [0, 1, 2, 3].map((seat) => [seat === 0 ? { mu: before.mu, sigma: before.sigma } : BOT_RATINGS[difficulty]]);
    const expected = rate(teams, { rank: [0, 1, 2, 3].map((seat) => places.indexOf(seat) + 1) })[0]![0]!;
    await until(async () => (await profile(first.id)).matches.length === 2);
    const mine = await profile(first.id);
    expect(mine.current.mu).toBeCloseTo(expected.mu, 10);
    expect(mine.matches[0]).toMatchObject({ matchId, place: places.indexOf(0) + 1, of: 4, change: shownRating(expected) - before.rating });
    await player.leave();
  });

  it('refuses a player without an account, and one account twice; a player who cancels is not matched', async () => {
    await expect(QueuedPlayer.join(live.server.port, undefined)).rejects.toThrow(/SIGN_IN_REQUIRED/);
    const eve = await guest('Eve');
    const waiting = await QueuedPlayer.join(live.server.port, eve.token);
    await expect(QueuedPlayer.join(live.server.port, eve.token)).rejects.toThrow(/ALREADY_IN_QUEUE/);
    await expect(QueuedPlayer.join(live.server.port, eve.token, { token: 'steal' })).rejects.toThrow();
    await waiting.leave();
    // Alone again after the cancel: the next player waits in a group of one, and Eve is in no match.
    const fay = await guest('Fay');
    const next = await QueuedPlayer.join(live.server.port, fay.token);
    const seat = await next.takeSeat();
    expect(next.matched).toMatchObject({ humans: 1, bots: 3 });
    expect(waiting.matched).toBeNull();
    expect((await profile(eve.id)).matches).toEqual([]);
    expect(await profile(eve.id)).toMatchObject({ name: 'Eve', current: { rating: 1000 }, position: null });
    // Bad asks get a clear answer and change nothing.
    const unknown = await fetch(`${base()}/api/profile/${'x'.repeat(500)}`);
    expect([unknown.status, ((await unknown.json()) as { error: string }).error]).toEqual([404, 'USER_NOT_FOUND']);
    const anonymous = await fetch(`${base()}/api/profile/me`);
    expect([anonymous.status, ((await anonymous.json()) as { error: string }).error]).toEqual([401, 'NOT_SIGNED_IN']);
    const me = (await (await fetch(`${base()}/api/profile/me`, { headers: { authorization: `Bearer ${eve.token}` } })).json()) as Profile;
    expect(me.userId).toBe(eve.id);
    await seat.leave();
  });

  it('the rebuild command derives the same ratings from the stored matches', async () => {
    const config = { dataDir: live.dir };
    const reader = await openRatingStore(config);
    const before = await reader.all();
    expect(before.length).toBe(5);
    // Lost rows come back: the command reads the matches, not the table.
    await reader.replaceAll([], []);
    expect(await reader.all()).toEqual([]);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/cli/rebuildRatings.ts'], { cwd: process.cwd(), encoding: 'utf8', env: { ...process.env, DATA_DIR: live.dir, LOG_LEVEL: 'error' } });
    expect(JSON.parse(stdout)).toMatchObject({ matches: 2, rows: 5, players: 4, unchanged: false });
    expect(await reader.all()).toEqual(before);
    const again = await run(process.execPath, ['--import', 'tsx', 'server/cli/rebuildRatings.ts'], { cwd: process.cwd(), encoding: 'utf8', env: { ...process.env, DATA_DIR: live.dir, LOG_LEVEL: 'error' } });
    expect(JSON.parse(again.stdout)).toMatchObject({ matches: 2, rows: 5, unchanged: true });
    await reader.close();
  });
});
