/** A player's rating after one ranked match (Weng-Lin μ and σ), with the rating it came from. */
export interface RatingRow {
  matchId: string;
  userId: string;
  seat: number;
  /** 1 for the winner. */
  place: number;
  /** Seats in the match (humans and bots). */
  players: number;
  /** When the match ended (its MatchEnded event): the order in which ratings are applied. */
  endedAt: number;
  mu: number;
  sigma: number;
  muBefore: number;
  sigmaBefore: number;
}

/** A player's latest rating, with how many ranked matches they played and won. */
export interface Standing {
  userId: string;
  name: string;
  mu: number;
  sigma: number;
  matches: number;
  wins: number;
}

/**
 * The ratings, beside the accounts. They are derived rows: the stored matches (their logs, and
 * the seats' users) are the truth, and `replaceAll` writes them again from there.
 */
export interface RatingStore {
  /** A ranked match was made (so a restart rates it if it ended while nobody could). */
  markRanked(matchId: string, at: number): Promise<void>;
  /** Ranked matches not rated yet. */
  unrated(): Promise<string[]>;
  /** Saves a match's ratings and marks it rated, in one transaction; false (and nothing saved) if it was rated already. */
  saveRated(matchId: string, rows: readonly RatingRow[]): Promise<boolean>;
  /** Each user's latest row (users without one are absent). */
  latest(userIds: readonly string[]): Promise<Map<string, RatingRow>>;
  /** A user's rows, oldest first. */
  history(userId: string): Promise<RatingRow[]>;
  /** Every rated user's latest rating (unordered). */
  standings(): Promise<Standing[]>;
  /** Every row, in the order they apply (ended_at, match_id, seat). */
  all(): Promise<RatingRow[]>;
  /** Replaces every row and marks these matches rated (the rebuild). */
  replaceAll(rows: readonly RatingRow[], rated: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

// One set of tables and queries for both dialects: SQLite and PostgreSQL read this SQL alike.
export const RATING_TABLES = (int: string, real: string) => `
CREATE TABLE IF NOT EXISTS ranked_matches (
  match_id TEXT PRIMARY KEY,
  created_at ${int} NOT NULL,
  rated ${int} NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS ratings (
  match_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  seat INTEGER NOT NULL,
  place INTEGER NOT NULL,
  players INTEGER NOT NULL,
  ended_at ${int} NOT NULL,
  mu ${real} NOT NULL,
  sigma ${real} NOT NULL,
  mu_before ${real} NOT NULL,
  sigma_before ${real} NOT NULL,
  PRIMARY KEY (match_id, user_id)
);
CREATE INDEX IF NOT EXISTS ratings_by_user ON ratings (user_id, ended_at);
`;

export const STANDINGS_SQL = `
SELECT r.user_id, COALESCE(u.name, r.user_id) AS name, r.mu, r.sigma, c.matches, c.wins
FROM (SELECT user_id, mu, sigma, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ended_at DESC, match_id DESC) AS n FROM ratings) r
JOIN (SELECT user_id, COUNT(*) AS matches, SUM(CASE WHEN place = 1 THEN 1 ELSE 0 END) AS wins FROM ratings GROUP BY user_id) c ON c.user_id = r.user_id
LEFT JOIN users u ON u.id = r.user_id
WHERE r.n = 1`;

export interface RatingDbRow {
  match_id: string;
  user_id: string;
  seat: number;
  place: number;
  players: number;
  ended_at: number | string;
  mu: number;
  sigma: number;
  mu_before: number;
  sigma_before: number;
}

export const toRatingRow = (r: RatingDbRow): RatingRow => ({
  matchId: r.match_id,
  userId: r.user_id,
  seat: r.seat,
  place: r.place,
  players: r.players,
  endedAt: Number(r.ended_at),
  mu: Number(r.mu),
  sigma: Number(r.sigma),
  muBefore: Number(r.mu_before),
  sigmaBefore: Number(r.sigma_before),
});

export const ratingValues = (r: RatingRow) => [r.matchId, r.userId, r.seat, r.place, r.players, r.endedAt, r.mu, r.sigma, r.muBefore, r.sigmaBefore];

export const toStanding = (r: { user_id: string; name: string; mu: number; sigma: number; matches: number | string; wins: number | string }): Standing => ({
  userId: r.user_id,
  name: r.name,
  mu: Number(r.mu),
  sigma: Number(r.sigma),
  matches: Number(r.matches),
  wins: Number(r.wins),
});
