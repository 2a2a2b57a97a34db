import { ServerError } from '@colyseus/core';
import { z } from 'zod';
import type { MatchHost } from '../match/MatchHost';
import { RequestError } from '../match/MatchRegistry';
import { MATCH_EXPIRED } from './admission';
import { roomContext } from './roomContext';

const roomOptionsSchema = z.object({ matchId: z.string().min(1).max(64) });

/**
 * The host of the match a room is made for: by the server for a new match, or by a client's
 * joinOrCreate for a stored one that has no room yet. Refuses unknown and expired matches.
 */
export async function openHost(options: unknown): Promise<MatchHost> {
  const { registry } = roomContext();
  const parsed = roomOptionsSchema.safeParse(options);
  if (!parsed.success) throw new ServerError(400, 'MALFORMED_OPTIONS: join a match with {matchId}.');
  const record = await registry.store.getMatch(parsed.data.matchId);
  if (!record) throw new ServerError(404, `MATCH_NOT_FOUND: there is no match "${parsed.data.matchId}".`);
  if (record.status === 'expired') throw new ServerError(410, MATCH_EXPIRED);
  try {
    return await registry.open(record.matchId);
  } catch (e) {
    if (e instanceof RequestError) throw new ServerError(409, `${e.code}: ${e.message}`);
    throw e;
  }
}
