import type Database from 'better-sqlite3';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS matches (
  match_id TEXT PRIMARY KEY,
  join_code TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL,
  classroom INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  finished_at INTEGER,
  facilitator_key_hash TEXT,
  version INTEGER NOT NULL DEFAULT 0,
  last_hash TEXT,
  listing TEXT
);
CREATE TABLE IF NOT EXISTS events (
  match_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  data TEXT NOT NULL,
  at INTEGER NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_match ON events (match_id, seq);
CREATE TABLE IF NOT EXISTS seat_tokens (
  match_id TEXT NOT NULL,
  seat INTEGER NOT NULL,
  token_hash TEXT NOT NULL,
  PRIMARY KEY (match_id, token_hash)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS matches_status ON matches (status, created_at);
`;

/** The layout this code writes; older files are moved up to it when opened. */
export const SCHEMA_VERSION = 3;

const tableSql = (db: Database.Database, name: string): string | undefined =>
  db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(name)?.sql;

/**
 * Creates the tables, or moves an older file's up to this layout, keeping every row:
 * - Version 0 kept events in a WITHOUT ROWID table keyed by (match_id, seq). Events are rows of a
 *   few hundred bytes, which such a table stores inside its key's b-tree, so every append rewrote
 *   more pages. Since version 1 they are appended to an ordinary table indexed by (match_id, seq).
 * - Up to version 1 a seat had one token: a new one (a team member joining after a restart, when
 *   only hashes are left) replaced it, and the absent members' tokens stopped working. Since
 *   version 2 seat tokens are keyed by their hash, so a seat keeps every token it handed out.
 * - Since version 3 a match row keeps its public listing, so lists are read, not folded from logs.
 *   Older rows get it the first time a list needs it.
 */
export function prepareSchema(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version >= SCHEMA_VERSION) return;
  db.transaction(() => {
    const oldEvents = /WITHOUT\s+ROWID/i.test(tableSql(db, 'events') ?? '');
    const oldTokens = /PRIMARY\s+KEY\s*\(\s*match_id\s*,\s*seat\s*\)/i.test(tableSql(db, 'seat_tokens') ?? '');
    if (oldEvents) db.exec('ALTER TABLE events RENAME TO events_v0');
    if (oldTokens) db.exec('ALTER TABLE seat_tokens RENAME TO seat_tokens_v1');
    const oldMatches = tableSql(db, 'matches');
    if (oldMatches !== undefined && !/\blisting\b/.test(oldMatches)) db.exec('ALTER TABLE matches ADD COLUMN listing TEXT');
    db.exec(SCHEMA);
    if (oldEvents) {
      db.exec('INSERT INTO events (match_id, seq, type, data, at, prev_hash, hash) SELECT match_id, seq, type, data, at, prev_hash, hash FROM events_v0 ORDER BY match_id, seq');
      db.exec('DROP TABLE events_v0');
    }
    if (oldTokens) {
      db.exec('INSERT INTO seat_tokens (match_id, seat, token_hash) SELECT match_id, seat, token_hash FROM seat_tokens_v1');
      db.exec('DROP TABLE seat_tokens_v1');
    }
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
