import { createHash } from 'node:crypto';
import { configFromEnv } from '../config';
import { Ratings } from '../ratings/Ratings';
import { openRatingStore, openStore, openUserStore } from '../store/openStore';

// `npm run ratings:rebuild`: derives every rating again from the stored matches (each finished
// ranked match's log and its seats' accounts), in the order the matches ended, and replaces the
// ratings table with the result. Reads the same DATA_DIR or DATABASE_URL as the server; safe to
// run beside it. Prints one JSON line: matches, rows, players and a digest of the rows.

const config = configFromEnv();
const events = await openStore(config, `ratings-rebuild-${process.pid}`);
const users = await openUserStore(config);
const ratings = new Ratings(events, users, await openRatingStore(config));
try {
  const before = await ratings.store.all();
  const { matches, rows } = await ratings.rebuild();
  const digest = (r: unknown) => createHash('sha256').update(JSON.stringify(r)).digest('hex');
  process.stdout.write(
    `${JSON.stringify({ matches, rows: rows.length, players: new Set(rows.map((r) => r.userId)).size, digest: digest(rows), unchanged: digest(before) === digest(rows) })}\n`,
  );
} finally {
  await ratings.store.close();
  await users.close();
  await events.close();
}
