import Database from 'better-sqlite3';
import { dataTextOf, type EventEnvelope } from '../../shared/replay/envelope';
import { type EventStore, type MatchFilter, type MatchRecord, type MatchStatus, type NewMatch, StoreError } from './EventStore';
import { prepareSchema } from './sqliteSchema';

interface MatchRow {
  match_id: string;
  join_code: string;
  status: MatchStatus;
  classroom: number;
  created_at: number;
  finished_at: number | null;
  version: number;
  last_hash: string | null;
  listing: string | null;
}

interface EventRow {
  match_id: string;
  seq: number;
  type: string;
  data: string;
  at: number;
  prev_hash: string;
  hash: string;
}

const toRecord = (r: MatchRow): MatchRecord => ({
  matchId: r.match_id,
  joinCode: r.join_code,
  status: r.status,
  classroom: r.classroom === 1,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
  version: r.version,
  listing: r.listing,
});

const toEnvelope = (r: EventRow): EventEnvelope =>
  ({ matchId: r.match_id, seq: r.seq, type: r.type, data: JSON.parse(r.data), at: r.at, prevHash: r.prev_hash, hash: r.hash }) as EventEnvelope;

/** The embedded store: one SQLite file, WAL journal, one transaction per command. */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly stmt;
  private readonly appendTx;
  /** listMatches' statements, one per combination of filters. */
  private readonly lists = new Map<string, Database.Statement<unknown[], MatchRow>>();

  constructor(readonly file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL with WAL: a commit survives a crash of the process; only an OS crash can lose the last ones.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    prepareSchema(this.db);
    this.stmt = {
      insertMatch: this.db.prepare(
        `INSERT INTO matches (match_id, join_code, status, classroom, created_at, facilitator_key_hash) VALUES (?, ?, 'waiting', ?, ?, ?)`,
      ),
      getMatch: this.db.prepare<[string], MatchRow>('SELECT * FROM matches WHERE match_id = ?'),
      // What an append checks: not the whole row (its listing is a JSON text of its own).
      head: this.db.prepare<[string], Pick<MatchRow, 'version' | 'last_hash'>>('SELECT version, last_hash FROM matches WHERE match_id = ?'),
      byCode: this.db.prepare<[string], MatchRow>('SELECT * FROM matches WHERE join_code = ?'),
      bumpVersion: this.db.prepare('UPDATE matches SET version = ?, last_hash = ? WHERE match_id = ? AND version = ?'),
      insertEvent: this.db.prepare('INSERT INTO events (match_id, seq, type, data, at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      readFrom: this.db.prepare<[string, number], EventRow>('SELECT * FROM events WHERE match_id = ? AND seq >= ? ORDER BY seq'),
      setStatus: this.db.prepare('UPDATE matches SET status = ? WHERE match_id = ?'),
      finish: this.db.prepare(`UPDATE matches SET status = 'finished', finished_at = ? WHERE match_id = ?`),
      saveListing: this.db.prepare('UPDATE matches SET listing = ? WHERE match_id = ?'),
      saveToken: this.db.prepare('INSERT OR REPLACE INTO seat_tokens (match_id, seat, token_hash) VALUES (?, ?, ?)'),
      seatForToken: this.db.prepare<[string, string], { seat: number }>('SELECT seat FROM seat_tokens WHERE match_id = ? AND token_hash = ?'),
      deleteToken: this.db.prepare('DELETE FROM seat_tokens WHERE match_id = ? AND token_hash = ?'),
      facilitatorHash: this.db.prepare<[string], { facilitator_key_hash: string | null }>(
        'SELECT facilitator_key_hash FROM matches WHERE match_id = ?',
      ),
    };
    this.appendTx = this.db.transaction((matchId: string, expected: number, events: readonly EventEnvelope[]) => {
      const row = this.stmt.head.get(matchId);
      if (!row) throw new StoreError('MATCH_NOT_FOUND', `No match ${matchId}.`);
      if (row.version !== expected)
        throw new StoreError('VERSION_CONFLICT', `Match ${matchId} is at version ${row.version}, not ${expected}.`);
      let prev = row.last_hash;
      let seq = expected;
      for (const e of events) {
        seq += 1;
        if (e.matchId !== matchId || e.seq !== seq || (prev !== null && e.prevHash !== prev))
          throw new StoreError('BROKEN_CHAIN', `Event ${e.seq} does not continue the log of ${matchId} at ${seq}.`);
        this.stmt.insertEvent.run(matchId, e.seq, e.type, dataTextOf(e), e.at, e.prevHash, e.hash);
        prev = e.hash;
      }
      const changed = this.stmt.bumpVersion.run(seq, prev, matchId, expected).changes;
      if (changed !== 1) throw new StoreError('VERSION_CONFLICT', `Match ${matchId} moved on during the append.`);
      return seq;
    });
  }

  async create(m: NewMatch): Promise<void> {
    if (this.stmt.getMatch.get(m.matchId)) throw new StoreError('MATCH_EXISTS', `Match ${m.matchId} already exists.`);
    if (this.stmt.byCode.get(m.joinCode)) throw new StoreError('JOIN_CODE_TAKEN', `Join code ${m.joinCode} is in use.`);
    this.stmt.insertMatch.run(m.matchId, m.joinCode, m.classroom ? 1 : 0, m.createdAt, m.facilitatorKeyHash);
  }

  // One transaction per command, committed before the append resolves. Committing several
  // matches' appends together would save CPU, but every acknowledgement would then wait for the rest
  // of the event loop's round; measured under load, that cost more latency than the CPU it saved.
  async append(matchId: string, expectedVersion: number, events: readonly EventEnvelope[]): Promise<number> {
    if (!this.db.open) throw new Error('The store is closed.');
    return this.appendTx(matchId, expectedVersion, events);
  }

  async read(matchId: string, fromSeq = 1): Promise<EventEnvelope[]> {
    return this.stmt.readFrom.all(matchId, fromSeq).map(toEnvelope);
  }

  async getMatch(matchId: string): Promise<MatchRecord | null> {
    const row = this.stmt.getMatch.get(matchId);
    return row ? toRecord(row) : null;
  }

  async findByJoinCode(joinCode: string): Promise<MatchRecord | null> {
    const row = this.stmt.byCode.get(joinCode);
    return row ? toRecord(row) : null;
  }

  async listMatches(filter: MatchFilter = {}): Promise<MatchRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) where.push('status = ?') && params.push(filter.status);
    if (filter.listed) where.push("classroom = 0 AND status <> 'expired'");
    if (filter.createdBefore !== undefined) where.push('created_at < ?') && params.push(filter.createdBefore);
    const a = filter.after;
    if (a) where.push('(created_at < ? OR (created_at = ? AND match_id > ?))') && params.push(a.createdAt, a.createdAt, a.matchId);
    const sql = `SELECT * FROM matches ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, match_id LIMIT ?`;
    let stmt = this.lists.get(sql);
    if (!stmt) this.lists.set(sql, (stmt = this.db.prepare<unknown[], MatchRow>(sql)));
    return stmt.all(...params, filter.limit ?? 100).map(toRecord);
  }

  async setStatus(matchId: string, status: MatchStatus, at: number): Promise<void> {
    if (status === 'finished') return this.markFinished(matchId, at);
    if (this.stmt.setStatus.run(status, matchId).changes !== 1) throw new StoreError('MATCH_NOT_FOUND', `No match ${matchId}.`);
  }

  async markFinished(matchId: string, at: number): Promise<void> {
    if (this.stmt.finish.run(at, matchId).changes !== 1) throw new StoreError('MATCH_NOT_FOUND', `No match ${matchId}.`);
  }

  async saveListing(matchId: string, listing: string): Promise<void> {
    if (!this.db.open) return;
    this.stmt.saveListing.run(listing, matchId);
  }

  async saveSeatToken(matchId: string, seat: number, tokenHash: string): Promise<void> {
    if (!this.stmt.getMatch.get(matchId)) throw new StoreError('MATCH_NOT_FOUND', `No match ${matchId}.`);
    this.stmt.saveToken.run(matchId, seat, tokenHash);
  }

  async seatForToken(matchId: string, tokenHash: string): Promise<number | null> {
    return this.stmt.seatForToken.get(matchId, tokenHash)?.seat ?? null;
  }

  async deleteSeatToken(matchId: string, tokenHash: string): Promise<void> {
    this.stmt.deleteToken.run(matchId, tokenHash);
  }

  async facilitatorKeyMatches(matchId: string, keyHash: string): Promise<boolean> {
    const stored = this.stmt.facilitatorHash.get(matchId)?.facilitator_key_hash;
    return stored !== undefined && stored !== null && stored === keyHash;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
