import { ordinal, rate, rating, type Rating } from 'openskill';
import type { BotDifficulty } from '../../shared/domain/ids';
import type { RatingFigures } from '../../shared/wire/ranked';

// Ratings by openskill's Weng-Lin model (Plackett-Luce, made for free-for-all matches), with
// its default μ = 25 and σ = 25/3 for a new player.

export type { Rating };

/** A player's rating before their first ranked match. */
export const START: Rating = rating();

/**
 * Bots never change: a fixed rating per difficulty, measured by `npm run ratings:bots -- --matches
 * 3240` (openskill over 3,240 four-bot matches, every mix of difficulties; normal anchored at a
 * newcomer's 25). An easy bot almost always finishes below a normal one, hence its low μ.
 */
export const BOT_RATINGS: Record<BotDifficulty, Rating> = {
  easy: { mu: -11.36, sigma: 1.98 },
  normal: { mu: 25, sigma: 1.72 },
  hard: { mu: 32.98, sigma: 1.7 },
};

/** The rating shown to players: the conservative estimate μ − 3σ, scaled so that a newcomer shows 1,000. */
export function shownRating(r: Rating): number {
  return Math.round(1000 + 40 * ordinal(r));
}

export const figures = (r: Rating): RatingFigures => ({ rating: shownRating(r), mu: r.mu, sigma: r.sigma });

/** The bots' difficulty for a group: the one whose rating is nearest the humans' mean μ. */
export function botDifficultyFor(meanMu: number): BotDifficulty {
  let best: BotDifficulty = 'normal';
  for (const d of Object.keys(BOT_RATINGS) as BotDifficulty[]) if (Math.abs(BOT_RATINGS[d].mu - meanMu) < Math.abs(BOT_RATINGS[best].mu - meanMu)) best = d;
  return best;
}

/** One seat of a finished ranked match: its rating going in and where it finished (1 = winner). */
export interface Entrant {
  rating: Rating;
  place: number;
}

/** Every seat's rating after the match, in the entrants' order (a bot's new rating is for the caller to ignore). */
export function rateMatch(entrants: readonly Entrant[]): Rating[] {
  const teams = entrants.map((e) => [e.rating]);
  return rate(teams, { rank: entrants.map((e) => e.place) }).map((team) => team[0]!);
}
