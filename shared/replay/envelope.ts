import type { GameEvent } from '../domain/events';
import { canonicalJson } from '../util/canonicalJson';
import { sha256Hex } from '../util/sha256';

/** Where a stored event sits: its match, its place in the log and the hash chain. */
export interface EnvelopeMeta {
  matchId: string;
  seq: number;
  /** Server wall time in ms: metadata only, no rule reads it. */
  at: number;
  prevHash: string;
  hash: string;
}

/**
 * A stored event: the fact plus its meta. A union with one member per event type (the
 * intersection distributes over GameEvent), so a switch on `e.type` narrows `e.data`.
 */
export type EventEnvelope<E extends GameEvent = GameEvent> = E & EnvelopeMeta;

export const GENESIS_HASH = '0'.repeat(64);

/**
 * SHA-256 of a text as 64 hex digits. The plain-TypeScript one runs everywhere (browser, tests);
 * the server passes Node's native one, which gives the same digests several times faster.
 */
export type Digest = (text: string) => string;

/** hash = SHA-256 over the previous hash and the canonical JSON of the event (without its hash). */
export function hashEvent(e: Omit<EventEnvelope, 'hash'>, digest: Digest = sha256Hex): string {
  return digest(`${e.prevHash}\n${bodyOf(e).body}`);
}

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * The hashed text: `canonicalJson({matchId, seq, type, data, at})`. For a well-formed event it is
 * put together around the data's own canonical text (the keys in their sorted order), which is
 * also what a store may keep as the event's data; anything else (a log read from a file may hold
 * anything) takes the general path.
 */
function bodyOf(e: Omit<EventEnvelope, 'hash'>): { body: string; dataText: string | null } {
  if (e.data !== undefined && finite(e.seq) && finite(e.at) && typeof e.matchId === 'string' && typeof e.type === 'string') {
    const dataText = canonicalJson(e.data);
    return { body: `{"at":${String(e.at)},"data":${dataText},"matchId":${JSON.stringify(e.matchId)},"seq":${String(e.seq)},"type":${JSON.stringify(e.type)}}`, dataText };
  }
  return { body: canonicalJson({ matchId: e.matchId, seq: e.seq, type: e.type, data: e.data, at: e.at }), dataText: null };
}

// The data's canonical text of each event sealed here, for the store to keep instead of writing it again.
const dataTexts = new WeakMap<object, string>();

/** The JSON text of an event's data: the canonical one it was sealed with, or a new one. */
export function dataTextOf(e: EventEnvelope): string {
  return dataTexts.get(e) ?? JSON.stringify(e.data);
}

/** Wraps the events of one command into envelopes that continue the chain after `last`. */
export function sealEvents(
  matchId: string,
  last: Pick<EventEnvelope, 'seq' | 'hash'> | null,
  events: readonly GameEvent[],
  at: number,
  digest: Digest = sha256Hex,
): EventEnvelope[] {
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  return events.map((event) => {
    seq += 1;
    const { body, dataText } = bodyOf({ matchId, seq, type: event.type, data: event.data, at, prevHash } as Omit<EventEnvelope, 'hash'>);
    const hash = digest(`${prevHash}\n${body}`);
    const sealed = { matchId, seq, type: event.type, data: event.data, at, prevHash, hash } as EventEnvelope;
    if (dataText !== null) dataTexts.set(sealed, dataText);
    prevHash = hash;
    return sealed;
  });
}

export type LogCheck = { ok: true; count: number } | { ok: false; seq: number; index: number; reason: string };

/** Checks numbering, links and hashes; names the first event that does not fit. */
export function verifyLog(events: readonly EventEnvelope[], digest: Digest = sha256Hex): LogCheck {
  let prevHash = GENESIS_HASH;
  const matchId = events[0]?.matchId;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const bad = (reason: string): LogCheck => ({ ok: false, seq: typeof e.seq === 'number' ? e.seq : i + 1, index: i, reason });
    if (e.matchId !== matchId) return bad(`event belongs to match ${String(e.matchId)}`);
    if (e.seq !== i + 1) return bad(`expected seq ${i + 1}, found ${String(e.seq)}`);
    if (e.prevHash !== prevHash) return bad('prevHash does not match the previous event');
    let expected: string;
    try {
      expected = hashEvent(e, digest);
    } catch {
      return bad('event cannot be encoded');
    }
    if (e.hash !== expected) return bad('hash does not match the event’s content');
    prevHash = e.hash;
  }
  return { ok: true, count: events.length };
}
