import { rate, rating } from 'openskill';
import { describe, expect, it } from 'vitest';
import { rankedOutcome, ratingRows } from '../../server/ratings/outcome';
import { BOT_RATINGS, botDifficultyFor, rateMatch, shownRating, START } from '../../server/ratings/wengLin';
import { botsFor, closeEnough } from '../../server/rooms/QuickMatchRoom';
import { fitBotRatings, measuringSeats } from '../../server/ratings/botStrength';
import { runBotMatch } from '../../shared/sim/runBotMatch';
import type { EventEnvelope } from '../../shared/replay/envelope';

const envelope = (seq: number, at: number, event: { type: string; data: unknown }) => ({ ...event, matchId: 'm', seq, at, prevHash: '', hash: '' }) as unknown as EventEnvelope;

function rankedLog(ranked: boolean, ended: boolean): EventEnvelope[] {
  const log = [
    envelope(1, 10, { type: 'MatchCreated', data: { matchId: 'm', settings: { seats: 4, winLoops: 2, planningSeconds: 90, ...(ranked ? { ranked: true } : {}) } } }),
    envelope(2, 11, { type: 'SeatClaimed', data: { seat: 2, name: 'Bot', kind: 'bot', bot: { strategy: 'balanced', difficulty: 'hard' } } }),
    envelope(3, 12, { type: 'SeatClaimed', data: { seat: 3, name: 'Bot', kind: 'bot', bot: { strategy: 'robotaxi', difficulty: 'hard' } } }),
    envelope(4, 13, { type: 'SeatClaimed', data: { seat: 0, name: 'Ada', kind: 'human' } }),
    envelope(5, 14, { type: 'SeatClaimed', data: { seat: 1, name: 'Bo', kind: 'human' } }),
  ];
  if (ended) log.push(envelope(6, 500, { type: 'MatchEnded', data: { winner: 2, ranking: [2, 0, 3, 1], reason: 'valuation', valuations: [] } }));
  return log;
}

describe('ratings (openskill Weng-Lin)', () => {
  it('a newcomer shows 1,000; a player rated higher shows more', () => {
    expect(START).toEqual(rating());
    expect(shownRating(START)).toBe(1000);
    expect(shownRating({ mu: 30, sigma: 5 })).toBe(1000 + 40 * (30 - 15));
  });

  it('rates a free-for-all by its places exactly as openskill does', () => {
    const entrants = [
      { rating: START, place: 3 },
      { rating: { mu: 28, sigma: 4 }, place: 1 },
      { rating: BOT_RATINGS.normal, place: 2 },
      { rating: START, place: 4 },
    ];
    const expected = rate(
      entrants.map((e) => [e.rating]),
      { rank: [3, 1, 2, 4] },
    ).map((t) => t[0]);
    expect(rateMatch(entrants)).toEqual(expected);
    expect(rateMatch(entrants)[1]!.mu).toBeGreaterThan(28);
    expect(rateMatch(entrants)[3]!.mu).toBeLessThan(25);
  });

  it('chooses the bots nearest the group: easy, normal or hard', () => {
    expect(botDifficultyFor(25)).toBe('normal');
    expect(botDifficultyFor(15)).toBe('normal');
    expect(botDifficultyFor(0)).toBe('easy');
    expect(botDifficultyFor(30)).toBe('hard');
    expect(botsFor(1, 34)).toEqual([
      { strategy: 'balanced', difficulty: 'hard' },
      { strategy: 'robotaxi', difficulty: 'hard' },
      { strategy: 'satellites', difficulty: 'hard' },
    ]);
    expect(botsFor(4, 25)).toEqual([]);
  });

  it('groups players near the mean rating at first, and anyone once they have waited', () => {
    const group = { clients: [], averageRank: 25 };
    expect(closeEnough({ rank: 29, currentCycle: 0 }, group)).toBe(true);
    expect(closeEnough({ rank: 35, currentCycle: 0 }, group)).toBe(false);
    expect(closeEnough({ rank: 35, currentCycle: 20 }, group)).toBe(true);
  });

  it('reads a ranked match that ended from its log, and nothing else', () => {
    expect(rankedOutcome(rankedLog(false, true))).toBeNull();
    expect(rankedOutcome(rankedLog(true, false))).toBeNull();
    expect(rankedOutcome(rankedLog(true, true))).toEqual({
      matchId: 'm',
      endedAt: 500,
      ranking: [2, 0, 3, 1],
      seats: [{ kind: 'human' }, { kind: 'human' }, { kind: 'bot', bot: { strategy: 'balanced', difficulty: 'hard' } }, { kind: 'bot', bot: { strategy: 'robotaxi', difficulty: 'hard' } }],
    });
  });

  it('writes a row per human with an account; bots take part at their fixed rating and get none', () => {
    const outcome = rankedOutcome(rankedLog(true, true))!;
    const ada = { mu: 27, sigma: 6 };
    const rows = ratingRows(outcome, new Map([[0, 'u-ada']]), (id) => (id === 'u-ada' ? ada : undefined));
    const expected = rate([[ada], [START], [BOT_RATINGS.hard], [BOT_RATINGS.hard]], { rank: [2, 4, 1, 3] });
    expect(rows).toEqual([{ matchId: 'm', userId: 'u-ada', seat: 0, place: 2, players: 4, endedAt: 500, mu: expected[0]![0]!.mu, sigma: expected[0]![0]!.sigma, muBefore: 27, sigmaBefore: 6 }]);
  });

  it('measures the bots: every mix of difficulties in turn, and a harder bot rates higher', () => {
    expect(measuringSeats(0).map((s) => s.difficulty)).toEqual(['easy', 'easy', 'easy', 'easy']);
    expect(measuringSeats(80).map((s) => s.difficulty)).toEqual(['hard', 'hard', 'hard', 'hard']);
    expect(new Set(Array.from({ length: 81 }, (_, i) => measuringSeats(i).map((s) => s.difficulty).join())).size).toBe(81);
    const played = Array.from({ length: 81 }, (_, i) => ({ seats: measuringSeats(i), ranking: runBotMatch({ seed: `bots-${i}`, bots: measuringSeats(i) }).ranking }));
    const fitted = fitBotRatings(played);
    expect(fitted.normal.mu).toBeCloseTo(25, 10);
    expect(fitted.easy.mu).toBeLessThan(fitted.normal.mu);
    expect(fitted.hard.mu).toBeGreaterThan(fitted.normal.mu);
    // The fixed ratings quick match uses keep the same order.
    expect(BOT_RATINGS.easy.mu < BOT_RATINGS.normal.mu && BOT_RATINGS.normal.mu < BOT_RATINGS.hard.mu).toBe(true);
  });
});
