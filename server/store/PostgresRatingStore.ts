import pg from 'pg';
import { inTransaction } from './pgTransaction';
import { RATING_TABLES, type RatingDbRow, type RatingRow, type RatingStore, ratingValues, type Standing, STANDINGS_SQL, toRatingRow, toStanding } from './RatingStore';

const INSERT = 'INSERT INTO ratings (match_id, user_id, seat, place, players, ended_at, mu, sigma, mu_before, sigma_before) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)';

/** Two processes booting at once must not both run CREATE TABLE (the other stores' keys are others). */
const SCHEMA_LOCK = 7_301_228;

/** The ratings in the PostgreSQL database of the event store, shared by every server process. */
export class PostgresRatingStore implements RatingStore {
  private constructor(private readonly pool: pg.Pool) {}

  /** Connects and creates the tables if they are missing (after the user store: standings read its users). */
  static async open(url: string): Promise<PostgresRatingStore> {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on('error', () => undefined);
    const store = new PostgresRatingStore(pool);
    await store.inTransaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await c.query(RATING_TABLES('BIGINT', 'DOUBLE PRECISION'));
    }).catch(async (e: unknown) => {
      await pool.end();
      throw e;
    });
    return store;
  }

  private inTransaction<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }

  async markRanked(matchId: string, at: number): Promise<void> {
    await this.pool.query('INSERT INTO ranked_matches (match_id, created_at) VALUES ($1, $2) ON CONFLICT (match_id) DO NOTHING', [matchId, at]);
  }

  async unrated(): Promise<string[]> {
    const { rows } = await this.pool.query<{ match_id: string }>('SELECT match_id FROM ranked_matches WHERE rated = 0 ORDER BY created_at, match_id');
    return rows.map((r) => r.match_id);
  }

  async saveRated(matchId: string, rows: readonly RatingRow[]): Promise<boolean> {
    return this.inTransaction(async (c) => {
      await c.query('INSERT INTO ranked_matches (match_id, created_at) VALUES ($1, 0) ON CONFLICT (match_id) DO NOTHING', [matchId]);
      // The row lock makes two processes rating one match save it once.
      const claimed = await c.query('UPDATE ranked_matches SET rated = 1 WHERE match_id = $1 AND rated = 0', [matchId]);
      if (claimed.rowCount === 0) return false;
      for (const row of rows) await c.query(INSERT, ratingValues(row));
      return true;
    });
  }

  async latest(userIds: readonly string[]): Promise<Map<string, RatingRow>> {
    const { rows } = await this.pool.query<RatingDbRow>(
      'SELECT DISTINCT ON (user_id) * FROM ratings WHERE user_id = ANY($1) ORDER BY user_id, ended_at DESC, match_id DESC',
      [userIds],
    );
    return new Map(rows.map((r) => [r.user_id, toRatingRow(r)]));
  }

  async history(userId: string): Promise<RatingRow[]> {
    const { rows } = await this.pool.query<RatingDbRow>('SELECT * FROM ratings WHERE user_id = $1 ORDER BY ended_at, match_id', [userId]);
    return rows.map(toRatingRow);
  }

  async standings(): Promise<Standing[]> {
    const { rows } = await this.pool.query<{ user_id: string; name: string; mu: number; sigma: number; matches: string; wins: string }>(STANDINGS_SQL);
    return rows.map(toStanding);
  }

  async all(): Promise<RatingRow[]> {
    const { rows } = await this.pool.query<RatingDbRow>('SELECT * FROM ratings ORDER BY ended_at, match_id, seat');
    return rows.map(toRatingRow);
  }

  async replaceAll(rows: readonly RatingRow[], rated: readonly string[]): Promise<void> {
    await this.inTransaction(async (c) => {
      await c.query('DELETE FROM ratings');
      for (const id of rated) await c.query('INSERT INTO ranked_matches (match_id, created_at, rated) VALUES ($1, 0, 1) ON CONFLICT (match_id) DO UPDATE SET rated = 1', [id]);
      for (const row of rows) await c.query(INSERT, ratingValues(row));
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
