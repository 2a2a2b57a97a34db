import Database from 'better-sqlite3';
import { type User, type UserSeat, type UserStore, UserStoreError, type UserWithPassword } from './UserStore';

// Its own tables in the event store's file; CREATE … IF NOT EXISTS is all the migration they need so far.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  email TEXT UNIQUE,
  password_hash TEXT,
  name TEXT NOT NULL,
  anonymous INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS seat_users (
  match_id TEXT NOT NULL,
  seat INTEGER NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (id),
  at INTEGER NOT NULL,
  PRIMARY KEY (match_id, seat)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS seat_users_by_user ON seat_users (user_id, at);
CREATE TABLE IF NOT EXISTS server_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

interface UserRow {
  id: string;
  email: string | null;
  password_hash: string | null;
  name: string;
  anonymous: number;
  created_at: number;
}

const toUser = (r: UserRow): User => ({ id: r.id, email: r.email, name: r.name, anonymous: r.anonymous === 1, createdAt: r.created_at });

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

/** The accounts in the SQLite file of the event store (a connection of their own to it). */
export class SqliteUserStore implements UserStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly stmt;

  constructor(readonly file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.stmt = {
      insert: this.db.prepare('INSERT INTO users (id, email, password_hash, name, anonymous, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      byId: this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE id = ?'),
      byEmail: this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE email = ?'),
      save: this.db.prepare('UPDATE users SET email = ?, password_hash = ?, anonymous = 0 WHERE id = ? AND anonymous = 1'),
      bind: this.db.prepare('INSERT OR IGNORE INTO seat_users (match_id, seat, user_id, at) VALUES (?, ?, ?, ?)'),
      holder: this.db.prepare<[string, number], { user_id: string }>('SELECT user_id FROM seat_users WHERE match_id = ? AND seat = ?'),
      seatsOf: this.db.prepare<[string, number], { match_id: string; seat: number; at: number }>(
        'SELECT match_id, seat, at FROM seat_users WHERE user_id = ? ORDER BY at DESC, match_id DESC LIMIT ?',
      ),
      keepSecret: this.db.prepare('INSERT OR IGNORE INTO server_secrets (name, value) VALUES (?, ?)'),
      secret: this.db.prepare<[string], { value: string }>('SELECT value FROM server_secrets WHERE name = ?'),
    };
  }

  async createAnonymous(user: { id: string; name: string; createdAt: number }): Promise<User> {
    this.stmt.insert.run(user.id, null, null, user.name, 1, user.createdAt);
    return { id: user.id, email: null, name: user.name, anonymous: true, createdAt: user.createdAt };
  }

  async createWithEmail(user: { id: string; name: string; email: string; passwordHash: string; createdAt: number }): Promise<User> {
    try {
      this.stmt.insert.run(user.id, user.email, user.passwordHash, user.name, 0, user.createdAt);
    } catch (e) {
      if (isUniqueViolation(e)) throw new UserStoreError('EMAIL_TAKEN', `An account already uses ${user.email}.`);
      throw e;
    }
    return { id: user.id, email: user.email, name: user.name, anonymous: false, createdAt: user.createdAt };
  }

  async saveAnonymous(id: string, email: string, passwordHash: string): Promise<User> {
    let changed = 0;
    try {
      changed = this.stmt.save.run(email, passwordHash, id).changes;
    } catch (e) {
      if (isUniqueViolation(e)) throw new UserStoreError('EMAIL_TAKEN', `An account already uses ${email}.`);
      throw e;
    }
    if (changed === 0) throw new UserStoreError('USER_NOT_FOUND', `There is no anonymous account ${id}.`);
    return toUser(this.stmt.byId.get(id)!);
  }

  async findById(id: string): Promise<User | null> {
    const row = this.stmt.byId.get(id);
    return row ? toUser(row) : null;
  }

  async findByEmail(email: string): Promise<UserWithPassword | null> {
    const row = this.stmt.byEmail.get(email);
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  async bindSeat(matchId: string, seat: number, userId: string, at: number): Promise<string> {
    this.stmt.bind.run(matchId, seat, userId, at);
    return this.stmt.holder.get(matchId, seat)!.user_id;
  }

  async seatHolder(matchId: string, seat: number): Promise<string | null> {
    return this.stmt.holder.get(matchId, seat)?.user_id ?? null;
  }

  async seatsOf(userId: string, limit: number): Promise<UserSeat[]> {
    return this.stmt.seatsOf.all(userId, limit).map((r) => ({ matchId: r.match_id, seat: r.seat, at: r.at }));
  }

  async secret(name: string, make: () => string): Promise<string> {
    this.stmt.keepSecret.run(name, make());
    return this.stmt.secret.get(name)!.value;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
