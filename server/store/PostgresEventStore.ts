import pg from 'pg';
import { inTransaction } from './pgTransaction';
import { dataTextOf, type EventEnvelope } from '../../shared/replay/envelope';
import { type EventStore, type MatchFilter, type MatchLeases, type MatchRecord, type MatchStatus, type NewMatch, StoreError, type StoreErrorCode } from './EventStore';

// Times are BIGINT milliseconds like in SQLite; event data is the JSON text as written (never re-encoded).
const SCHEMA = `
CREATE TABLE IF NOT EXISTS matches (
  match_id TEXT PRIMARY KEY,
  join_code TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL,
  classroom BOOLEAN NOT NULL,
  created_at BIGINT NOT NULL,
  finished_at BIGINT,
  facilitator_key_hash TEXT,
  version INTEGER NOT NULL DEFAULT 0,
  last_hash TEXT,
  listing TEXT
);
CREATE TABLE IF NOT EXISTS events (
  match_id TEXT NOT NULL REFERENCES matches (match_id),
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  data TEXT NOT NULL,
  at BIGINT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (match_id, seq)
);
CREATE TABLE IF NOT EXISTS seat_tokens (
  match_id TEXT NOT NULL REFERENCES matches (match_id),
  seat INTEGER NOT NULL,
  token_hash TEXT NOT NULL,
  PRIMARY KEY (match_id, token_hash)
);
CREATE TABLE IF NOT EXISTS match_leases (
  match_id TEXT PRIMARY KEY REFERENCES matches (match_id),
  owner TEXT NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS matches_status ON matches (status, created_at);
ALTER TABLE matches ADD COLUMN IF NOT EXISTS listing TEXT;
`;

// Databases created before seat tokens were keyed by their hash held one token per seat, which a
// new one replaced (then the absent members of a team could not come back with theirs).
const KEY_TOKENS_BY_HASH = `
DO $$ BEGIN
  IF EXISTS (
    SELECT 1 FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
    WHERE i.indrelid = 'seat_tokens'::regclass AND i.indisprimary AND a.attname = 'seat'
  ) THEN
    ALTER TABLE seat_tokens DROP CONSTRAINT seat_tokens_pkey, ADD PRIMARY KEY (match_id, token_hash);
  END IF;
END $$;
`;

// An append in one statement, so in one round trip and its own transaction: the row lock orders
// concurrent appends (and lease claims) on one match; the lease (when an owner is given), the
// version and the chain are checked in that order, and a refusal names its StoreError code in the
// error's HINT. As six statements (BEGIN, lock, lease, INSERT, UPDATE, COMMIT) an append cost the
// server process and PostgreSQL each about twice as much CPU (docs/operations.md).
const APPEND_FUNCTION = `
CREATE OR REPLACE FUNCTION closed_loop_append(
  p_match TEXT, p_expected INTEGER, p_owner TEXT, p_chain_ok BOOLEAN,
  p_seq INTEGER[], p_type TEXT[], p_data TEXT[], p_at BIGINT[], p_prev TEXT[], p_hash TEXT[]
) RETURNS INTEGER LANGUAGE plpgsql AS $fn$
DECLARE
  head RECORD;
  n INTEGER := coalesce(array_length(p_seq, 1), 0);
BEGIN
  SELECT version, last_hash INTO head FROM matches WHERE match_id = p_match FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'No match %.', p_match USING HINT = 'MATCH_NOT_FOUND';
  END IF;
  IF p_owner IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM match_leases WHERE match_id = p_match AND owner = p_owner AND expires_at > clock_timestamp()
  ) THEN
    RAISE EXCEPTION 'This process no longer hosts match %.', p_match USING HINT = 'LEASE_LOST';
  END IF;
  IF head.version <> p_expected THEN
    RAISE EXCEPTION 'Match % is at version %, not %.', p_match, head.version, p_expected USING HINT = 'VERSION_CONFLICT';
  END IF;
  IF NOT p_chain_ok OR (n > 0 AND head.last_hash IS NOT NULL AND p_prev[1] <> head.last_hash) THEN
    RAISE EXCEPTION 'The events do not continue the log of % at %.', p_match, p_expected + 1 USING HINT = 'BROKEN_CHAIN';
  END IF;
  INSERT INTO events (match_id, seq, type, data, at, prev_hash, hash)
    SELECT p_match, e.seq, e.type, e.data, e.at, e.prev, e.hash FROM unnest(p_seq, p_type, p_data, p_at, p_prev, p_hash) AS e(seq, type, data, at, prev, hash);
  UPDATE matches SET version = p_expected + n, last_hash = CASE WHEN n > 0 THEN p_hash[n] ELSE head.last_hash END WHERE match_id = p_match;
  RETURN p_expected + n;
END
$fn$;
`;

const APPEND_CODES: ReadonlySet<StoreErrorCode> = new Set<StoreErrorCode>(['MATCH_NOT_FOUND', 'LEASE_LOST', 'VERSION_CONFLICT', 'BROKEN_CHAIN']);
const isAppendCode = (hint: unknown): hint is StoreErrorCode => APPEND_CODES.has(hint as StoreErrorCode);

/** Two processes booting at once must not both run CREATE TABLE; any fixed key will do. */
const SCHEMA_LOCK = 7_301_226;

interface MatchRow {
  match_id: string;
  join_code: string;
  status: MatchStatus;
  classroom: boolean;
  created_at: string;
  finished_at: string | null;
  version: number;
  listing: string | null;
}

interface EventRow {
  match_id: string;
  seq: number;
  type: string;
  data: string;
  at: string;
  prev_hash: string;
  hash: string;
}

const MATCH_COLUMNS = 'match_id, join_code, status, classroom, created_at, finished_at, version, listing';

const toRecord = (r: MatchRow): MatchRecord => ({
  matchId: r.match_id,
  joinCode: r.join_code,
  status: r.status,
  classroom: r.classroom,
  createdAt: Number(r.created_at),
  finishedAt: r.finished_at === null ? null : Number(r.finished_at),
  version: r.version,
  listing: r.listing,
});

const toEnvelope = (r: EventRow): EventEnvelope =>
  ({ matchId: r.match_id, seq: r.seq, type: r.type, data: JSON.parse(r.data), at: Number(r.at), prevHash: r.prev_hash, hash: r.hash }) as EventEnvelope;

const isUniqueViolation = (e: unknown, constraint: string) =>
  (e as { code?: string; constraint?: string }).code === '23505' && (e as { constraint?: string }).constraint === constraint;

export interface PostgresOptions {
  url: string;
  /**
   * The server process this store appends for. When set, an append only lands while this owner
   * holds the match's lease: a process that lost a match can never write to it again.
   */
  owner?: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
}

/** The shared store for several server processes: one PostgreSQL database, one transaction per command. */
export class PostgresEventStore implements EventStore, MatchLeases {
  readonly kind = 'postgres';
  readonly leases: MatchLeases = this;
  private readonly pool: pg.Pool;
  private readonly owner: string | null;

  private constructor(options: PostgresOptions) {
    this.pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection that the server drops must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
    this.owner = options.owner ?? null;
  }

  /** Connects and creates the tables if they are missing. */
  static async open(options: PostgresOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    try {
      await store.transaction(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
        await c.query(SCHEMA);
        await c.query(KEY_TOKENS_BY_HASH);
        await c.query(APPEND_FUNCTION);
      });
    } catch (e) {
      await store.pool.end();
      throw e;
    }
    return store;
  }

  private transaction<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }

  async create(m: NewMatch): Promise<void> {
    try {
      await this.pool.query(
        `INSERT INTO matches (match_id, join_code, status, classroom, created_at, facilitator_key_hash) VALUES ($1, $2, 'waiting', $3, $4, $5)`,
        [m.matchId, m.joinCode, m.classroom, m.createdAt, m.facilitatorKeyHash],
      );
    } catch (e) {
      if (isUniqueViolation(e, 'matches_pkey')) throw new StoreError('MATCH_EXISTS', `Match ${m.matchId} already exists.`);
      if (isUniqueViolation(e, 'matches_join_code_key')) throw new StoreError('JOIN_CODE_TAKEN', `Join code ${m.joinCode} is in use.`);
      throw e;
    }
  }

  async append(matchId: string, expected: number, events: readonly EventEnvelope[]): Promise<number> {
    // Within the batch: one match, consecutive numbers from the expected version, each event linked
    // to the one before. Its link to the stored log is checked by the database, after the version.
    const chainOk = events.every((e, i) => e.matchId === matchId && e.seq === expected + i + 1 && (i === 0 || e.prevHash === events[i - 1]!.hash));
    const values = [
      matchId,
      expected,
      this.owner,
      chainOk,
      events.map((e) => e.seq),
      events.map((e) => e.type),
      events.map(dataTextOf),
      events.map((e) => e.at),
      events.map((e) => e.prevHash),
      events.map((e) => e.hash),
    ];
    try {
      const { rows } = await this.pool.query<{ version: number }>({
        name: 'closed_loop_append',
        text: 'SELECT closed_loop_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) AS version',
        values,
      });
      return rows[0]!.version;
    } catch (e) {
      const hint = (e as { hint?: unknown }).hint;
      if (isAppendCode(hint)) throw new StoreError(hint, (e as Error).message);
      throw e;
    }
  }

  async read(matchId: string, fromSeq = 1): Promise<EventEnvelope[]> {
    const { rows } = await this.pool.query<EventRow>('SELECT * FROM events WHERE match_id = $1 AND seq >= $2 ORDER BY seq', [matchId, fromSeq]);
    return rows.map(toEnvelope);
  }

  async getMatch(matchId: string): Promise<MatchRecord | null> {
    const { rows } = await this.pool.query<MatchRow>(`SELECT ${MATCH_COLUMNS} FROM matches WHERE match_id = $1`, [matchId]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findByJoinCode(joinCode: string): Promise<MatchRecord | null> {
    const { rows } = await this.pool.query<MatchRow>(`SELECT ${MATCH_COLUMNS} FROM matches WHERE join_code = $1`, [joinCode]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async listMatches(filter: MatchFilter = {}): Promise<MatchRecord[]> {
    const limit = filter.limit ?? 100;
    // COLLATE "C": the same byte order as SQLite, whatever locale the database was made with.
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) where.push(`status = $${params.push(filter.status)}`);
    if (filter.listed) where.push(`NOT classroom AND status <> 'expired'`);
    if (filter.createdBefore !== undefined) where.push(`created_at < $${params.push(filter.createdBefore)}`);
    if (filter.after) {
      const c = `$${params.push(filter.after.createdAt)}`;
      where.push(`(created_at < ${c} OR (created_at = ${c} AND match_id COLLATE "C" > $${params.push(filter.after.matchId)}))`);
    }
    const { rows } = await this.pool.query<MatchRow>(
      `SELECT ${MATCH_COLUMNS} FROM matches ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, match_id COLLATE "C" LIMIT $${params.push(limit)}`,
      params,
    );
    return rows.map(toRecord);
  }

  async setStatus(matchId: string, status: MatchStatus, at: number): Promise<void> {
    if (status === 'finished') return this.markFinished(matchId, at);
    const { rowCount } = await this.pool.query('UPDATE matches SET status = $1 WHERE match_id = $2', [status, matchId]);
    if (rowCount !== 1) throw new StoreError('MATCH_NOT_FOUND', `No match ${matchId}.`);
  }

  async markFinished(matchId: string, at: number): Promise<void> {
    const { rowCount } = await this.pool.query(`UPDATE matches SET status = 'finished', finished_at = $1 WHERE match_id = $2`, [at, matchId]);
    if (rowCount !== 1) throw new StoreError('MATCH_NOT_FOUND', `No match ${matchId}.`);
  }

  async saveListing(matchId: string, listing: string): Promise<void> {
    await this.pool.query('UPDATE matches SET listing = $1 WHERE match_id = $2', [listing, matchId]);
  }

  async saveSeatToken(matchId: string, seat: number, tokenHash: string): Promise<void> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO seat_tokens (match_id, seat, token_hash) SELECT match_id, $2, $3 FROM matches WHERE match_id = $1
       ON CONFLICT (match_id, token_hash) DO UPDATE SET seat = EXCLUDED.seat`,
      [matchId, seat, tokenHash],
    );
    if (rowCount !== 1) throw new StoreError('MATCH_NOT_FOUND', `No match ${matchId}.`);
  }

  async seatForToken(matchId: string, tokenHash: string): Promise<number | null> {
    const { rows } = await this.pool.query<{ seat: number }>('SELECT seat FROM seat_tokens WHERE match_id = $1 AND token_hash = $2', [matchId, tokenHash]);
    return rows[0]?.seat ?? null;
  }

  async deleteSeatToken(matchId: string, tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM seat_tokens WHERE match_id = $1 AND token_hash = $2', [matchId, tokenHash]);
  }

  async facilitatorKeyMatches(matchId: string, keyHash: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ facilitator_key_hash: string | null }>('SELECT facilitator_key_hash FROM matches WHERE match_id = $1', [
      matchId,
    ]);
    const stored = rows[0]?.facilitator_key_hash;
    return stored !== undefined && stored !== null && stored === keyHash;
  }

  claim(matchId: string, owner: string, ttlMs: number): Promise<boolean> {
    return this.transaction(async (c) => {
      // Waits for an append in flight on this match, so the new owner reads the log after it.
      const match = await c.query<{ status: MatchStatus }>('SELECT status FROM matches WHERE match_id = $1 FOR UPDATE', [matchId]);
      if (match.rowCount !== 1) throw new StoreError('MATCH_NOT_FOUND', `No match ${matchId}.`);
      const { rowCount } = await c.query(
        `INSERT INTO match_leases (match_id, owner, expires_at) VALUES ($1, $2, clock_timestamp() + $3 * interval '1 millisecond')
         ON CONFLICT (match_id) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
         WHERE match_leases.owner = EXCLUDED.owner OR match_leases.expires_at <= clock_timestamp()`,
        [matchId, owner, ttlMs],
      );
      return rowCount === 1;
    });
  }

  async renew(owner: string, matchIds: readonly string[], ttlMs: number): Promise<string[]> {
    if (matchIds.length === 0) return [];
    const { rows } = await this.pool.query<{ match_id: string }>(
      `UPDATE match_leases SET expires_at = clock_timestamp() + $3 * interval '1 millisecond'
       WHERE owner = $1 AND match_id = ANY($2) AND expires_at > clock_timestamp() RETURNING match_id`,
      [owner, [...matchIds], ttlMs],
    );
    return rows.map((r) => r.match_id);
  }

  async release(owner: string, matchIds?: readonly string[]): Promise<void> {
    if (matchIds) await this.pool.query('DELETE FROM match_leases WHERE owner = $1 AND match_id = ANY($2)', [owner, [...matchIds]]);
    else await this.pool.query('DELETE FROM match_leases WHERE owner = $1', [owner]);
  }

  async orphans(limit: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ match_id: string }>(
      `SELECT m.match_id FROM matches m LEFT JOIN match_leases l ON l.match_id = m.match_id
       WHERE m.status = 'live' AND (l.match_id IS NULL OR l.expires_at <= clock_timestamp())
       ORDER BY m.created_at, m.match_id COLLATE "C" LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.match_id);
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
