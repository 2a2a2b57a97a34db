import Database from 'better-sqlite3';
import { RATING_TABLES, type RatingDbRow, type RatingRow, type RatingStore, ratingValues, type Standing, STANDINGS_SQL, toRatingRow, toStanding } from './RatingStore';

const INSERT = 'INSERT INTO ratings (match_id, user_id, seat, place, players, ended_at, mu, sigma, mu_before, sigma_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** The ratings in the SQLite file of the event store (a connection of their own; the users table is the user store's). */
export class SqliteRatingStore implements RatingStore {
  private readonly db: Database.Database;
  private readonly stmt;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(RATING_TABLES('INTEGER', 'REAL'));
    this.stmt = {
      mark: this.db.prepare('INSERT OR IGNORE INTO ranked_matches (match_id, created_at) VALUES (?, ?)'),
      unrated: this.db.prepare<[], { match_id: string }>('SELECT match_id FROM ranked_matches WHERE rated = 0 ORDER BY created_at, match_id'),
      claim: this.db.prepare('UPDATE ranked_matches SET rated = 1 WHERE match_id = ? AND rated = 0'),
      rated: this.db.prepare<[string], { rated: number }>('SELECT rated FROM ranked_matches WHERE match_id = ?'),
      markRated: this.db.prepare('INSERT INTO ranked_matches (match_id, created_at, rated) VALUES (?, 0, 1) ON CONFLICT (match_id) DO UPDATE SET rated = 1'),
      insert: this.db.prepare(INSERT),
      latest: this.db.prepare<[string], RatingDbRow>('SELECT * FROM ratings WHERE user_id = ? ORDER BY ended_at DESC, match_id DESC LIMIT 1'),
      history: this.db.prepare<[string], RatingDbRow>('SELECT * FROM ratings WHERE user_id = ? ORDER BY ended_at, match_id'),
      all: this.db.prepare<[], RatingDbRow>('SELECT * FROM ratings ORDER BY ended_at, match_id, seat'),
      standings: this.db.prepare<[], { user_id: string; name: string; mu: number; sigma: number; matches: number; wins: number }>(STANDINGS_SQL),
    };
  }

  async markRanked(matchId: string, at: number): Promise<void> {
    this.stmt.mark.run(matchId, at);
  }

  async unrated(): Promise<string[]> {
    return this.stmt.unrated.all().map((r) => r.match_id);
  }

  async saveRated(matchId: string, rows: readonly RatingRow[]): Promise<boolean> {
    return this.db.transaction(() => {
      // A match made before ratings were kept has no row yet: it is ranked all the same.
      if (!this.stmt.rated.get(matchId)) this.stmt.mark.run(matchId, 0);
      if (this.stmt.claim.run(matchId).changes === 0) return false;
      for (const row of rows) this.stmt.insert.run(...ratingValues(row));
      return true;
    })();
  }

  async latest(userIds: readonly string[]): Promise<Map<string, RatingRow>> {
    const found = new Map<string, RatingRow>();
    for (const id of userIds) {
      const row = this.stmt.latest.get(id);
      if (row) found.set(id, toRatingRow(row));
    }
    return found;
  }

  async history(userId: string): Promise<RatingRow[]> {
    return this.stmt.history.all(userId).map(toRatingRow);
  }

  async standings(): Promise<Standing[]> {
    return this.stmt.standings.all().map(toStanding);
  }

  async all(): Promise<RatingRow[]> {
    return this.stmt.all.all().map(toRatingRow);
  }

  async replaceAll(rows: readonly RatingRow[], rated: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM ratings');
      for (const id of rated) this.stmt.markRated.run(id);
      for (const row of rows) this.stmt.insert.run(...ratingValues(row));
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
