import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerConfig } from '../config';
import type { EventStore } from './EventStore';
import { PostgresEventStore } from './PostgresEventStore';
import { SqliteEventStore } from './SqliteEventStore';

/**
 * The store the configuration asks for: PostgreSQL when DATABASE_URL is set (shared by several
 * processes; appends fenced by `owner`'s leases), else the SQLite file in DATA_DIR.
 */
export async function openStore(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>, owner: string): Promise<EventStore> {
  if (config.databaseUrl) return PostgresEventStore.open({ url: config.databaseUrl, owner });
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteEventStore(join(config.dataDir, 'closed-loop.sqlite'));
}
