import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sha256Hex } from '../../shared/util/sha256';
import { canonicalJson } from '../../shared/util/canonicalJson';
import { sealEvents, verifyLog } from '../../shared/replay/envelope';
import { runBotMatch } from '../../shared/sim/runBotMatch';
import { nativeSha256Hex } from '../../server/match/digest';

describe('sha256 and canonical JSON', () => {
  it('matches the FIPS test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches node:crypto on long and non-ASCII messages', () => {
    for (const text of ['x'.repeat(55), 'y'.repeat(56), 'z'.repeat(1000), 'Größe 🚕🤖🛰️ ünïcödé'.repeat(40)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  it('writes one text per value regardless of key order', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined, e: null }] })).toBe('{"a":[1,{"d":2,"e":null}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson(-0)).toBe('0');
    expect(() => canonicalJson({ x: NaN })).toThrow();
  });

  it('chains the same log with the native digest of the server as with the one of the browser', () => {
    const groups = runBotMatch({ seed: 'digest', bots: [{ strategy: 'robots', difficulty: 'easy' }, { strategy: 'satellites', difficulty: 'hard' }], record: true }).recorded;
    const events = groups.flat();
    const native = sealEvents('m-digest', null, events, 1_700_000_000_000, nativeSha256Hex);
    const plain = sealEvents('m-digest', null, events, 1_700_000_000_000);
    expect(native.length).toBeGreaterThan(100);
    expect(native.map((e) => e.hash)).toEqual(plain.map((e) => e.hash));
    expect(verifyLog(native)).toEqual({ ok: true, count: native.length });
    const tampered = native.map((e, i) => (i === 40 ? { ...e, at: e.at + 1 } : e));
    expect(verifyLog(tampered, nativeSha256Hex)).toMatchObject({ ok: false, seq: 41 });
  });
});
