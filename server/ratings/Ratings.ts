import type { Leaderboard, LeaderRow, Profile } from '../../shared/wire/ranked';
import type { EventStore } from '../store/EventStore';
import type { RatingRow, RatingStore, Standing } from '../store/RatingStore';
import type { UserStore } from '../store/UserStore';
import { rankedOutcome, type RankedOutcome, ratingRows } from './outcome';
import { ordinal } from 'openskill';
import { figures, type Rating, shownRating, START } from './wengLin';

/** How many rows the leaderboard shows. */
export const LEADERBOARD_SIZE = 100;
/** How many matches a profile lists (the chart shows them all). */
const PROFILE_MATCHES = 200;

const ratingOf = (row: Pick<RatingRow, 'mu' | 'sigma'>): Rating => ({ mu: row.mu, sigma: row.sigma });
/** Best first: the conservative estimate the shown rating is made of, then more matches, then the account id (a stable order). */
const byStanding = (a: Standing, b: Standing) => ordinal(b) - ordinal(a) || b.matches - a.matches || (a.userId < b.userId ? -1 : 1);

/**
 * Ratings derived from ranked matches: a match is rated once, when it ends (or at the next start
 * if the process stopped first); `rebuild` derives every row again from the stored matches, in
 * the order the matches ended, and gives the same numbers.
 */
export class Ratings {
  constructor(
    private readonly events: EventStore,
    private readonly users: UserStore,
    readonly store: RatingStore,
  ) {}

  /** A user's rating now (a newcomer's before their first ranked match). */
  async current(userId: string): Promise<Rating> {
    const row = (await this.store.latest([userId])).get(userId);
    return row ? ratingOf(row) : START;
  }

  private async outcome(matchId: string): Promise<RankedOutcome | null> {
    return rankedOutcome(await this.events.read(matchId));
  }

  private async holders(matchId: string, seats: number): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    for (let seat = 0; seat < seats; seat++) {
      const user = await this.users.seatHolder(matchId, seat);
      if (user) found.set(seat, user);
    }
    return found;
  }

  /** Rates a ranked match that has ended, once; null for any other match or one rated already. */
  async rate(matchId: string): Promise<RatingRow[] | null> {
    const outcome = await this.outcome(matchId);
    if (!outcome) return null;
    const holders = await this.holders(matchId, outcome.seats.length);
    const before = await this.store.latest([...holders.values()]);
    const rows = ratingRows(outcome, holders, (id) => {
      const row = before.get(id);
      return row ? ratingOf(row) : undefined;
    });
    return (await this.store.saveRated(matchId, rows)) ? rows : null;
  }

  /** Rates the ranked matches that ended without being rated (the process stopped in between). */
  async rateMissing(): Promise<number> {
    let rated = 0;
    for (const matchId of await this.store.unrated()) {
      const record = await this.events.getMatch(matchId);
      if (record?.status === 'finished' && (await this.rate(matchId))) rated++;
    }
    return rated;
  }

  /** Every row again from the stored matches: each finished ranked match, in the order they ended. */
  async rebuild(): Promise<{ matches: number; rows: RatingRow[] }> {
    const outcomes: RankedOutcome[] = [];
    let after: { createdAt: number; matchId: string } | undefined;
    for (;;) {
      const page = await this.events.listMatches({ status: 'finished', limit: 200, ...(after ? { after } : {}) });
      for (const record of page) {
        const outcome = await this.outcome(record.matchId);
        if (outcome) outcomes.push(outcome);
      }
      if (page.length < 200) break;
      after = page[page.length - 1]!;
    }
    outcomes.sort((a, b) => a.endedAt - b.endedAt || (a.matchId < b.matchId ? -1 : 1));
    const now = new Map<string, Rating>();
    const rows: RatingRow[] = [];
    for (const outcome of outcomes) {
      const made = ratingRows(outcome, await this.holders(outcome.matchId, outcome.seats.length), (id) => now.get(id));
      for (const row of made) now.set(row.userId, ratingOf(row));
      rows.push(...made);
    }
    await this.store.replaceAll(rows, outcomes.map((o) => o.matchId));
    return { matches: outcomes.length, rows };
  }

  /** Every rated player, best first. */
  private async ranked(): Promise<Standing[]> {
    return (await this.store.standings()).sort(byStanding);
  }

  /** The top of the leaderboard, and the asking user's own row wherever it is. */
  async leaderboard(youId: string | null): Promise<Leaderboard> {
    const standings = await this.ranked();
    const row = (s: Standing, i: number): LeaderRow => ({ position: i + 1, userId: s.userId, name: s.name, matches: s.matches, wins: s.wins, ...figures(s) });
    const yours = youId === null ? -1 : standings.findIndex((s) => s.userId === youId);
    return { top: standings.slice(0, LEADERBOARD_SIZE).map(row), you: yours < 0 ? null : row(standings[yours]!, yours), players: standings.length };
  }

  /** A user's rating over their ranked matches (newest first), or null for an unknown user. */
  async profile(userId: string): Promise<Profile | null> {
    const user = await this.users.findById(userId);
    if (!user) return null;
    const history = await this.store.history(userId);
    const last = history[history.length - 1];
    const standings = last ? await this.ranked() : [];
    const position = standings.findIndex((s) => s.userId === userId);
    return {
      userId,
      name: user.name,
      current: figures(last ? ratingOf(last) : START),
      position: position < 0 ? null : position + 1,
      matches: history
        .slice(-PROFILE_MATCHES)
        .reverse()
        .map((r) => ({ matchId: r.matchId, at: r.endedAt, place: r.place, of: r.players, ...figures(ratingOf(r)), change: shownRating(ratingOf(r)) - shownRating({ mu: r.muBefore, sigma: r.sigmaBefore }) })),
    };
  }
}
