import type { Request } from 'express';
import type { Audience } from '../../shared/views/visibility';
import type { MatchRegistry } from '../match/MatchRegistry';
import type { MatchRecord } from '../store/EventStore';

/** Header that carries a classroom's facilitator key on API requests. */
export const FACILITATOR_HEADER = 'x-facilitator-key';
/** Header that carries a seat's token: the seat (or its team) reads its own books while live. */
export const SEAT_TOKEN_HEADER = 'x-seat-token';

const credential = (req: Request, header: string): string | null => {
  const v = req.header(header);
  return typeof v === 'string' && v.length > 0 && v.length <= 128 ? v : null;
};

/**
 * Who an API request speaks for: the facilitator with the classroom's key, a seat with one of its
 * tokens, else the public. A wrong credential is simply the public: it opens nothing.
 */
export async function audienceOf(registry: MatchRegistry, record: MatchRecord, req: Request): Promise<Audience> {
  const key = credential(req, FACILITATOR_HEADER);
  if (key && record.classroom && (await registry.isFacilitator(record.matchId, key))) return { kind: 'facilitator' };
  const token = credential(req, SEAT_TOKEN_HEADER);
  const seat = token ? await registry.seatForToken(record.matchId, token) : null;
  return seat === null ? { kind: 'public' } : { kind: 'seat', seat };
}
