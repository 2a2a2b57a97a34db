import { decode } from '@colyseus/schema';

// @colyseus/schema decodes a string field one character at a time with `+=`. For a long text
// (the room's scenario, kilobytes of JSON sent at join; before #17 also each seat's books and the
// quarter's report) that builds a rope of one node per character, about 20 times the text's size, which stays until the
// text is first read and flattened: copied by every young-generation GC in between, then promoted.
// Decoded by the platform's TextDecoder, the same bytes give one flat string.
//
// The decoder reads every primitive through the exported `decode` table (`decode[type]`), so
// replacing its `string` entry changes every room's decoding, in the browser and in Node.

/** Below this many bytes the library's own loop is cheaper than a call into TextDecoder. */
const NATIVE_FROM_BYTES = 64;

type Iterator = { offset: number };
type StringDecoder = ((bytes: Uint8Array, it: Iterator) => string) & { native?: true };

// ignoreBOM keeps a leading U+FEFF in the text, as the library's loop does.
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The library's string decoder, for short strings and anything unusual. */
const library = decode.string as StringDecoder;

const native: StringDecoder = (bytes, it) => {
  if (!(bytes instanceof Uint8Array)) return library(bytes, it);
  const at = it.offset;
  let length: number;
  let start: number;
  switch (bytes[at]) {
    case 0xd9: // str8
      length = bytes[at + 1]!;
      start = at + 2;
      break;
    case 0xda: // str16
      length = bytes[at + 1]! | (bytes[at + 2]! << 8);
      start = at + 3;
      break;
    case 0xdb: // str32
      length = (bytes[at + 1]! | (bytes[at + 2]! << 8) | (bytes[at + 3]! << 16) | (bytes[at + 4]! << 24)) >>> 0;
      start = at + 5;
      break;
    default: // fixstr (under 32 bytes), or anything unusual
      return library(bytes, it);
  }
  if (length < NATIVE_FROM_BYTES) return library(bytes, it);
  // As the library does: a length past the end of the frame is cut at the end.
  length = Math.min(length, bytes.length - start);
  it.offset = start + length;
  return utf8.decode(bytes.subarray(start, start + length));
};
native.native = true;

/** Makes every Colyseus room in this process decode long strings natively (idempotent). */
export function useNativeStringDecoding(): void {
  if ((decode.string as StringDecoder).native) return;
  (decode as unknown as { string: StringDecoder }).string = native;
}
