import { afterAll, beforeAll } from 'vitest';
import { PostgresServer } from './postgresServer';

/** One throwaway PostgreSQL server for a test file: started before its tests, stopped after them. */
export function usePostgresServer(): { readonly server: PostgresServer } {
  const live = {} as { server: PostgresServer };
  beforeAll(async () => {
    live.server = await PostgresServer.start();
  }, 120_000);
  afterAll(async () => {
    await live.server?.stop();
  }, 60_000);
  return live;
}
