import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { sha256Hex } from '../../shared/util/sha256';
import { canonicalJson } from '../../shared/util/canonicalJson';
import { dataTextOf, GENESIS_HASH, hashEvent, sealEvents, verifyLog, type EventEnvelope } from '../../shared/replay/envelope';
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

  it('sorts members the same way for every shape of object, also once it has seen too many shapes to remember', () => {
    const expected = (o: Record<string, number>) => `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${o[k]}`).join(',')}}`;
    for (let i = 0; i < 25_000; i++) {
      const o = { [`id-${i}`]: i, b: 1, '7': 2, a: 3 };
      expect(canonicalJson(o)).toBe(expected(o));
    }
    expect(canonicalJson({ z: 1, y: { x: 2, w: [{ v: 3, u: 4 }] } })).toBe('{"y":{"w":[{"u":4,"v":3}],"x":2},"z":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
  });

  it('seals every event of a match as the general canonical text would, and keeps the data text it hashed', () => {
    const events = runBotMatch({ seed: 'canonical-once', bots: [{ strategy: 'robotaxi', difficulty: 'normal' }, { strategy: 'balanced', difficulty: 'hard' }], record: true }).recorded.flat();
    const sealed = sealEvents('m-once', null, events, 1_700_000_000_000, nativeSha256Hex);
    let prevHash = GENESIS_HASH;
    for (const e of sealed) {
      const body = canonicalJson({ matchId: e.matchId, seq: e.seq, type: e.type, data: e.data, at: e.at });
      expect(e.hash).toBe(nativeSha256Hex(`${prevHash}\n${body}`));
      expect(dataTextOf(e)).toBe(canonicalJson(e.data));
      prevHash = e.hash;
    }
    // An envelope from elsewhere (a file) with odd fields is hashed by the general path, the same way as before.
    const odd = { matchId: 'm', seq: '1', type: 'X', data: { b: 1, a: 2 }, at: 5, prevHash: GENESIS_HASH } as unknown as Omit<EventEnvelope, 'hash'>;
    expect(hashEvent(odd, nativeSha256Hex)).toBe(nativeSha256Hex(`${GENESIS_HASH}\n${canonicalJson({ matchId: 'm', seq: '1', type: 'X', data: { b: 1, a: 2 }, at: 5 })}`));
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
