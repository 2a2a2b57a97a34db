import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { EventEnvelope } from '../../shared/replay/envelope';

/** A match's log as it is on disk, read straight from the SQLite file in a server's DATA_DIR. */
export function storedLog(dataDir: string, matchId: string): EventEnvelope[] {
  const db = new Database(join(dataDir, 'closed-loop.sqlite'), { readonly: true });
  try {
    const rows = db.prepare('SELECT * FROM events WHERE match_id = ? ORDER BY seq').all(matchId) as Array<Record<string, any>>;
    return rows.map((r) => ({ matchId: r.match_id, seq: r.seq, type: r.type, data: JSON.parse(r.data), at: r.at, prevHash: r.prev_hash, hash: r.hash }) as EventEnvelope);
  } finally {
    db.close();
  }
}
