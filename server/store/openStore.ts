import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerConfig } from '../config';
import type { EventStore } from './EventStore';
import { PostgresEventStore } from './PostgresEventStore';
import { PostgresRatingStore } from './PostgresRatingStore';
import { PostgresUserStore } from './PostgresUserStore';
import type { RatingStore } from './RatingStore';
import { SqliteRatingStore } from './SqliteRatingStore';
import { SqliteEventStore } from './SqliteEventStore';
import { SqliteUserStore } from './SqliteUserStore';
import type { UserStore } from './UserStore';

const sqliteFile = (dataDir: string) => join(dataDir, 'closed-loop.sqlite');

/**
 * The store the configuration asks for: PostgreSQL when DATABASE_URL is set (shared by several
 * processes; appends fenced by `owner`'s leases), else the SQLite file in DATA_DIR.
 */
export async function openStore(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>, owner: string): Promise<EventStore> {
  if (config.databaseUrl) return PostgresEventStore.open({ url: config.databaseUrl, owner });
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore(sqliteFile(config.dataDir));
}

/** The accounts, in the same database as the event store (open that one first: it makes the data dir). */
export async function openUserStore(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): Promise<UserStore> {
  if (config.databaseUrl) return PostgresUserStore.open({ url: config.databaseUrl });
  return new SqliteUserStore(sqliteFile(config.dataDir));
}

/** The ratings, beside the accounts (open the user store first: the leaderboard reads its names). */
export async function openRatingStore(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): Promise<RatingStore> {
  if (config.databaseUrl) return PostgresRatingStore.open(config.databaseUrl);
  return new SqliteRatingStore(sqliteFile(config.dataDir));
}
