import type { Request } from 'express';
import type { GameState } from '../../shared/domain/state';
import type { EventEnvelope } from '../../shared/replay/envelope';
import { fold } from '../../shared/replay/fold';
import { heldQuarter, playersLog } from '../../shared/rules/reveal';
import type { MatchRegistry } from '../match/MatchRegistry';
import type { MatchRecord } from '../store/EventStore';

/** Header that carries a classroom's facilitator key on API requests. */
export const FACILITATOR_HEADER = 'x-facilitator-key';

export async function requestIsFacilitator(registry: MatchRegistry, record: MatchRecord, req: Request): Promise<boolean> {
  const key = req.header(FACILITATOR_HEADER);
  return record.classroom && typeof key === 'string' && key.length > 0 && key.length <= 128 && (await registry.isFacilitator(record.matchId, key));
}

/**
 * A match's log as this request may read it. Under a staged reveal, the quarter whose results the
 * facilitator has not released is cut out for everyone but the facilitator, so the API cannot be
 * used to see results before the players' screens show them.
 */
export async function logFor(registry: MatchRegistry, record: MatchRecord, req: Request, state?: GameState): Promise<{ log: EventEnvelope[]; held: boolean }> {
  const log = await registry.store.read(record.matchId);
  const held = heldQuarter(state ?? fold(log));
  if (held === null || (await requestIsFacilitator(registry, record, req))) return { log, held: false };
  return { log: playersLog(log, held), held: true };
}
