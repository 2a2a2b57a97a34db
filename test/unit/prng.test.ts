import { describe, expect, it } from 'vitest';
import { Rng, seedPrng } from '../../shared/random/prng';
import { given } from '../support/given';

describe('seeded PRNG', () => {
  it('produces the golden sequence for a fixed seed', () => {
    const state = seedPrng('closed-loop');
    expect(state).toEqual({ a: 1340320976, b: 888142520, c: 1899462261, d: 3664958783 });
    const rng = new Rng(state);
    expect([1, 2, 3, 4, 5].map(() => rng.nextUint32())).toEqual([1598454983, 173790370, 1922736715, 41422766, 161418136]);
  });

  it('keeps its whole state as plain data: a JSON round trip continues the same sequence', () => {
    const a = new Rng(seedPrng('x'));
    a.next();
    const copy = new Rng(JSON.parse(JSON.stringify(a.state())));
    expect([a.nextUint32(), a.nextUint32()]).toEqual([copy.nextUint32(), copy.nextUint32()]);
  });

  it('does not change the state it was built from', () => {
    const state = seedPrng('y');
    const before = { ...state };
    new Rng(state).nextUint32();
    expect(state).toEqual(before);
  });

  it('draws integers in range and different seeds differ', () => {
    const rng = new Rng(seedPrng('range'));
    const draws = Array.from({ length: 1000 }, () => rng.int(6));
    expect(Math.min(...draws)).toBe(0);
    expect(Math.max(...draws)).toBe(5);
    expect(new Rng(seedPrng('a')).nextUint32()).not.toBe(new Rng(seedPrng('b')).nextUint32());
  });

  it('refuses a match without a seed instead of falling back to the clock', () => {
    given([])
      .when({ type: 'CreateMatch', data: { matchId: 'm', seed: '  ', seats: 2, winLoops: 2, planningSeconds: 90 } })
      .thenRejects('SEED_REQUIRED');
    given([])
      .when({ type: 'CreateMatch', data: { matchId: 'm', seats: 2, winLoops: 2, planningSeconds: 90 } })
      .thenRejects('MALFORMED_COMMAND');
  });
});
