import { decode, Decoder, Encoder, schema, t } from '@colyseus/schema';
import { describe, expect, it } from 'vitest';
import { useNativeStringDecoding } from '../../client/src/net/fastStrings';
import { defaultScenario } from '../../shared/scenario/defaultScenario';

const Doc = schema({ text: t.string().default(''), list: t.array('string') }, 'FastStringsDoc');

// Every length class of the wire format (fixstr, str8, str16, str32) on both sides of the
// threshold, multi-byte characters, a leading byte-order mark, and the room's real JSON.
const SAMPLES = [
  '',
  'short',
  'x'.repeat(31),
  'x'.repeat(63),
  'x'.repeat(64),
  'é'.repeat(40),
  '中文'.repeat(50),
  '🚕🤖🛰️'.repeat(30),
  '\uFEFF' + 'starts with a byte-order mark '.repeat(4),
  JSON.stringify(defaultScenario),
  'z'.repeat(70_000),
];

/** Encodes a whole Doc holding `text`, then one patch setting it to `next`; decodes both. */
function roundTrip(text: string, next: string): { full: string; patched: string; list: string[] } {
  const doc = new Doc();
  doc.text = text;
  doc.list.push(text, next);
  const encoder = new Encoder(doc);
  const received = new Doc();
  const decoder = new Decoder(received);
  decoder.decode(encoder.encodeAll());
  encoder.discardChanges();
  const full = received.text;
  doc.text = next;
  decoder.decode(encoder.encode());
  return { full, patched: received.text, list: [...received.list] };
}

describe('native string decoding for Colyseus state', () => {
  const library = decode.string;
  useNativeStringDecoding();

  it('replaces the decoder once', () => {
    const installed = decode.string;
    expect(installed).not.toBe(library);
    useNativeStringDecoding();
    expect(decode.string).toBe(installed);
  });

  it('decodes every kind of string exactly, in full states and in patches', () => {
    for (let i = 0; i < SAMPLES.length; i++) {
      const text = SAMPLES[i]!;
      const next = SAMPLES[(i + 1) % SAMPLES.length]!;
      expect(roundTrip(text, next)).toEqual({ full: text, patched: next, list: [text, next] });
    }
  });

  it('reads what the library reads, where it stops too, even from a frame cut short', () => {
    const text = 'ä'.repeat(60); // 120 bytes: a str8 past the threshold
    const bytes = new Uint8Array(2 + 120);
    bytes[0] = 0xd9;
    bytes[1] = 120;
    bytes.set(new TextEncoder().encode(text), 2);
    for (const frame of [bytes, bytes.subarray(0, 2 + 80)]) {
      const mine = { offset: 0 };
      const theirs = { offset: 0 };
      expect(decode.string(frame, mine)).toBe(library(frame, theirs));
      expect(mine.offset).toBe(theirs.offset);
    }
  });
});
