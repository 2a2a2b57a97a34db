import type { BotSpec } from '../../shared/domain/ids';
import type { EventEnvelope } from '../../shared/replay/envelope';
import type { RatingRow } from '../store/RatingStore';
import { BOT_RATINGS, type Rating, rateMatch, START } from './wengLin';

/** How a ranked match ended, as its log says: who sat where and the final ranking. */
export interface RankedOutcome {
  matchId: string;
  endedAt: number;
  /** Seats best first. */
  ranking: number[];
  seats: Array<{ kind: 'human' | 'bot'; bot?: BotSpec }>;
}

/** The outcome of a match from its log, or null unless it is a ranked match that has ended. */
export function rankedOutcome(log: readonly EventEnvelope[]): RankedOutcome | null {
  const created = log[0];
  if (created?.type !== 'MatchCreated' || !created.data.settings.ranked) return null;
  const seats: RankedOutcome['seats'] = Array.from({ length: created.data.settings.seats }, () => ({ kind: 'human' as const }));
  for (const e of log) {
    if (e.type === 'SeatClaimed') seats[e.data.seat] = e.data.kind === 'bot' && e.data.bot ? { kind: 'bot', bot: e.data.bot } : { kind: e.data.kind };
    if (e.type === 'SeatReplaced') seats[e.data.seat] = { kind: 'bot', bot: e.data.bot };
    if (e.type === 'MatchEnded') return { matchId: created.data.matchId, endedAt: e.at, ranking: e.data.ranking, seats };
  }
  return null;
}

/**
 * The rows a ranked match writes: every human with an account moves from their rating before
 * (`before`, else a newcomer's) by the match's final places; bots take part at their fixed rating
 * and keep it. A human seat without an account takes part as a newcomer and gets no row.
 */
export function ratingRows(outcome: RankedOutcome, holders: ReadonlyMap<number, string>, before: (userId: string) => Rating | undefined): RatingRow[] {
  const place = new Map(outcome.ranking.map((seat, i) => [seat, i + 1]));
  const entrants = outcome.seats.map((s, seat) => {
    const userId = s.kind === 'human' ? holders.get(seat) : undefined;
    const rating = s.kind === 'bot' && s.bot ? BOT_RATINGS[s.bot.difficulty] : ((userId === undefined ? undefined : before(userId)) ?? START);
    return { seat, userId, rating, place: place.get(seat) ?? outcome.seats.length };
  });
  const after = rateMatch(entrants);
  return entrants.flatMap((e, i) =>
    e.userId === undefined
      ? []
      : [
          {
            matchId: outcome.matchId,
            userId: e.userId,
            seat: e.seat,
            place: e.place,
            players: outcome.seats.length,
            endedAt: outcome.endedAt,
            mu: after[i]!.mu,
            sigma: after[i]!.sigma,
            muBefore: e.rating.mu,
            sigmaBefore: e.rating.sigma,
          },
        ],
  );
}
