import type { MatchMakerDriver, Presence } from '@colyseus/core';

/**
 * Colyseus presence and room listings in Redis, so that several server processes share one
 * matchmaker: a room is listed, found and joined through any of them. Loaded only when REDIS_URL is set.
 */
export async function redisMatchmaking(url: string): Promise<{ presence: Presence; driver: MatchMakerDriver }> {
  const [{ RedisPresence }, { RedisDriver }] = await Promise.all([import('@colyseus/redis-presence'), import('@colyseus/redis-driver')]);
  return { presence: new RedisPresence(url), driver: new RedisDriver(url) };
}
