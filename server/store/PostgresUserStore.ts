import pg from 'pg';
import { type User, type UserSeat, type UserStore, UserStoreError, type UserWithPassword } from './UserStore';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  email TEXT UNIQUE,
  password_hash TEXT,
  name TEXT NOT NULL,
  anonymous BOOLEAN NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS seat_users (
  match_id TEXT NOT NULL,
  seat INTEGER NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (id),
  at BIGINT NOT NULL,
  PRIMARY KEY (match_id, seat)
);
CREATE INDEX IF NOT EXISTS seat_users_by_user ON seat_users (user_id, at);
CREATE TABLE IF NOT EXISTS server_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

/** Two processes booting at once must not both run CREATE TABLE (the event store's key is another). */
const SCHEMA_LOCK = 7_301_227;

interface UserRow {
  id: string;
  email: string | null;
  password_hash: string | null;
  name: string;
  anonymous: boolean;
  created_at: string;
}

const toUser = (r: UserRow): User => ({ id: r.id, email: r.email, name: r.name, anonymous: r.anonymous, createdAt: Number(r.created_at) });

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

export interface PostgresUserOptions {
  url: string;
  /** Connections in the pool (default 3: accounts are read at sign-in and at joins only). */
  poolSize?: number;
}

/** The accounts in the PostgreSQL database of the event store, shared by every server process. */
export class PostgresUserStore implements UserStore {
  readonly kind = 'postgres';
  private readonly pool: pg.Pool;

  private constructor(options: PostgresUserOptions) {
    this.pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 3 });
    this.pool.on('error', () => undefined);
  }

  /** Connects and creates the tables if they are missing. */
  static async open(options: PostgresUserOptions): Promise<PostgresUserStore> {
    const store = new PostgresUserStore(options);
    const c = await store.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await c.query(SCHEMA);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      c.release();
      await store.pool.end();
      throw e;
    }
    c.release();
    return store;
  }

  async createAnonymous(user: { id: string; name: string; createdAt: number }): Promise<User> {
    await this.pool.query('INSERT INTO users (id, email, password_hash, name, anonymous, created_at) VALUES ($1, NULL, NULL, $2, TRUE, $3)', [user.id, user.name, user.createdAt]);
    return { id: user.id, email: null, name: user.name, anonymous: true, createdAt: user.createdAt };
  }

  async createWithEmail(user: { id: string; name: string; email: string; passwordHash: string; createdAt: number }): Promise<User> {
    try {
      await this.pool.query('INSERT INTO users (id, email, password_hash, name, anonymous, created_at) VALUES ($1, $2, $3, $4, FALSE, $5)', [
        user.id,
        user.email,
        user.passwordHash,
        user.name,
        user.createdAt,
      ]);
    } catch (e) {
      if (isUniqueViolation(e)) throw new UserStoreError('EMAIL_TAKEN', `An account already uses ${user.email}.`);
      throw e;
    }
    return { id: user.id, email: user.email, name: user.name, anonymous: false, createdAt: user.createdAt };
  }

  async saveAnonymous(id: string, email: string, passwordHash: string): Promise<User> {
    let rows: UserRow[];
    try {
      rows = (await this.pool.query<UserRow>('UPDATE users SET email = $1, password_hash = $2, anonymous = FALSE WHERE id = $3 AND anonymous RETURNING *', [email, passwordHash, id])).rows;
    } catch (e) {
      if (isUniqueViolation(e)) throw new UserStoreError('EMAIL_TAKEN', `An account already uses ${email}.`);
      throw e;
    }
    if (!rows[0]) throw new UserStoreError('USER_NOT_FOUND', `There is no anonymous account ${id}.`);
    return toUser(rows[0]);
  }

  async findById(id: string): Promise<User | null> {
    const row = (await this.pool.query<UserRow>('SELECT * FROM users WHERE id = $1', [id])).rows[0];
    return row ? toUser(row) : null;
  }

  async findByEmail(email: string): Promise<UserWithPassword | null> {
    const row = (await this.pool.query<UserRow>('SELECT * FROM users WHERE email = $1', [email])).rows[0];
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  async bindSeat(matchId: string, seat: number, userId: string, at: number): Promise<string> {
    await this.pool.query('INSERT INTO seat_users (match_id, seat, user_id, at) VALUES ($1, $2, $3, $4) ON CONFLICT (match_id, seat) DO NOTHING', [matchId, seat, userId, at]);
    return (await this.seatHolder(matchId, seat))!;
  }

  async seatHolder(matchId: string, seat: number): Promise<string | null> {
    return (await this.pool.query<{ user_id: string }>('SELECT user_id FROM seat_users WHERE match_id = $1 AND seat = $2', [matchId, seat])).rows[0]?.user_id ?? null;
  }

  async seatsOf(userId: string, limit: number): Promise<UserSeat[]> {
    const { rows } = await this.pool.query<{ match_id: string; seat: number; at: string }>(
      'SELECT match_id, seat, at FROM seat_users WHERE user_id = $1 ORDER BY at DESC, match_id DESC LIMIT $2',
      [userId, limit],
    );
    return rows.map((r) => ({ matchId: r.match_id, seat: r.seat, at: Number(r.at) }));
  }

  async secret(name: string, make: () => string): Promise<string> {
    await this.pool.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, make()]);
    return (await this.pool.query<{ value: string }>('SELECT value FROM server_secrets WHERE name = $1', [name])).rows[0]!.value;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
