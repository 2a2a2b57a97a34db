import type Database from 'better-sqlite3';
import { StoreError } from './EventStore';

/** One event as its row: [matchId, seq, type, data JSON, at, prevHash, hash]. */
export type EventRow = [matchId: string, seq: number, type: string, data: string, at: number, prevHash: string, hash: string];

/** One `append` of the store: the events of one command for one match, at an expected version. */
export interface AppendRequest {
  matchId: string;
  expected: number;
  rows: readonly EventRow[];
}

/** What became of one append: its new version, or the store's refusal (nothing of it written). */
export type AppendResult = { ok: true; seq: number } | { ok: false; code: string; message: string };

/**
 * Writes appends in groups: one transaction per group, each append in a savepoint of its own, so a
 * refused append (a version conflict, a broken chain) leaves the others in the group standing. A
 * failure of the database itself throws, and then nothing of the group is stored.
 */
export class SqliteAppender {
  private readonly getVersion;
  private readonly insertEvent;
  private readonly bumpVersion;
  private readonly appendOne;
  private readonly group;

  constructor(db: Database.Database) {
    this.getVersion = db.prepare<[string], { version: number; last_hash: string | null }>('SELECT version, last_hash FROM matches WHERE match_id = ?');
    this.insertEvent = db.prepare('INSERT INTO events (match_id, seq, type, data, at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.bumpVersion = db.prepare('UPDATE matches SET version = ?, last_hash = ? WHERE match_id = ? AND version = ?');
    this.appendOne = db.transaction((a: AppendRequest): number => {
      const row = this.getVersion.get(a.matchId);
      if (!row) throw new StoreError('MATCH_NOT_FOUND', `No match ${a.matchId}.`);
      if (row.version !== a.expected) throw new StoreError('VERSION_CONFLICT', `Match ${a.matchId} is at version ${row.version}, not ${a.expected}.`);
      let prev = row.last_hash;
      let seq = a.expected;
      for (const [matchId, eventSeq, type, data, at, prevHash, hash] of a.rows) {
        seq += 1;
        if (matchId !== a.matchId || eventSeq !== seq || (prev !== null && prevHash !== prev))
          throw new StoreError('BROKEN_CHAIN', `Event ${eventSeq} does not continue the log of ${a.matchId} at ${seq}.`);
        this.insertEvent.run(a.matchId, eventSeq, type, data, at, prevHash, hash);
        prev = hash;
      }
      if (this.bumpVersion.run(seq, prev, a.matchId, a.expected).changes !== 1)
        throw new StoreError('VERSION_CONFLICT', `Match ${a.matchId} moved on during the append.`);
      return seq;
    });
    this.group = db.transaction((appends: readonly AppendRequest[]) =>
      appends.map((a): AppendResult => {
        try {
          return { ok: true, seq: this.appendOne(a) };
        } catch (e) {
          if (e instanceof StoreError) return { ok: false, code: e.code, message: e.message };
          throw e;
        }
      }),
    );
  }

  /** Commits the group (taking the write lock at once, so a reader turned writer never fails). */
  commit(appends: readonly AppendRequest[]): AppendResult[] {
    return this.group.immediate(appends);
  }
}
