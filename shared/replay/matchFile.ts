import type { GameState } from '../domain/state';
import type { Scenario } from '../scenario/types';
import { verifyLog, type EventEnvelope } from './envelope';
import { fold, stateHash } from './fold';
import type { PublishedEvent } from '../views/visibility';

/** The JSON export of a match: the whole log with its hash chain, the scenario and the final state hash. */
export const MATCH_FILE_FORMAT = 'closed-loop-match/1';

export interface MatchFile {
  format: typeof MATCH_FILE_FORMAT;
  match: { matchId: string; stateHash?: string };
  redacted: false;
  scenario: Scenario;
  finalStateHash: string;
  events: EventEnvelope[];
}

/**
 * A live match's export, as its reader may see it (shared/views/visibility): hidden fields, no
 * hashes, no final state hash. It cannot be verified or replayed until the match ends.
 */
export interface LiveMatchFile extends Omit<MatchFile, 'redacted' | 'finalStateHash' | 'events'> {
  redacted: true;
  finalStateHash: null;
  events: Array<PublishedEvent<EventEnvelope>>;
}

export type MatchFileProblem =
  | { code: 'NOT_A_MATCH_FILE'; detail: string }
  | { code: 'REDACTED'; detail: string }
  | { code: 'EMPTY_LOG'; detail: string }
  | { code: 'HASH_CHAIN_BROKEN'; seq: number; detail: string }
  | { code: 'FINAL_HASH_MISMATCH'; expected: string; actual: string; detail: string };

export type MatchFileCheck = { ok: true; file: MatchFile; final: GameState; finalStateHash: string } | ({ ok: false } & MatchFileProblem);

/** Everything the export of a finished match holds. */
export function matchFile(match: MatchFile['match'], events: EventEnvelope[], final: GameState): MatchFile {
  return { format: MATCH_FILE_FORMAT, match, redacted: false, scenario: final.scenario, finalStateHash: stateHash(final), events };
}

/** The export of a live match: what its reader may see of the log (publishedLog). */
export function liveMatchFile(match: MatchFile['match'], events: Array<PublishedEvent<EventEnvelope>>, scenario: Scenario): LiveMatchFile {
  return { format: MATCH_FILE_FORMAT, match, redacted: true, scenario, finalStateHash: null, events };
}

/**
 * Checks an uploaded match file before a replay trusts it: the format, the hash chain (naming the
 * first event that does not fit) and the final state hash the file claims.
 */
export function checkMatchFile(raw: unknown): MatchFileCheck {
  const f = raw as Partial<Omit<MatchFile, 'redacted'>> & { redacted?: boolean } | null;
  if (!f || typeof f !== 'object' || f.format !== MATCH_FILE_FORMAT || !Array.isArray(f.events))
    return { ok: false, code: 'NOT_A_MATCH_FILE', detail: `expected a JSON export with format "${MATCH_FILE_FORMAT}" and a list of events` };
  if (f.redacted) return { ok: false, code: 'REDACTED', detail: 'this export was taken while the match was live, so orders are hidden' };
  if (f.events.length === 0) return { ok: false, code: 'EMPTY_LOG', detail: 'the file holds no events' };
  const chain = verifyLog(f.events);
  if (!chain.ok) return { ok: false, code: 'HASH_CHAIN_BROKEN', seq: chain.seq, detail: chain.reason };
  let final: GameState;
  try {
    final = fold(f.events);
  } catch {
    return { ok: false, code: 'NOT_A_MATCH_FILE', detail: 'the events do not replay' };
  }
  const actual = stateHash(final);
  if (typeof f.finalStateHash !== 'string' || f.finalStateHash !== actual)
    return { ok: false, code: 'FINAL_HASH_MISMATCH', expected: String(f.finalStateHash), actual, detail: 'the replayed final state differs from the one the file claims' };
  return { ok: true, file: f as MatchFile, final, finalStateHash: actual };
}
