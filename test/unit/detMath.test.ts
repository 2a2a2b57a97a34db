import { describe, expect, it } from 'vitest';
import { detExp, detLn, detPow, saturate } from '../../shared/math/detMath';

describe('deterministic math', () => {
  it('agrees with the platform functions to within a few ulps', () => {
    for (let x = -40; x <= 40; x += 0.173) {
      expect(Math.abs(detExp(x) - Math.exp(x)) / Math.exp(x)).toBeLessThan(2e-15);
    }
    for (let x = 1e-6; x < 1e9; x *= 1.9) {
      expect(Math.abs(detLn(x) - Math.log(x))).toBeLessThan(2e-15 * Math.max(1, Math.abs(Math.log(x))));
    }
  });

  it('handles the edges', () => {
    expect(detExp(0)).toBe(1);
    expect(detExp(-1000)).toBe(0);
    expect(detExp(1000)).toBe(Infinity);
    expect(detLn(1)).toBe(0);
    expect(detPow(2, 10)).toBeCloseTo(1024, 10);
    expect(saturate(0)).toBe(0);
  });

  it('returns the same bits every time (golden values)', () => {
    expect(detExp(-0.1)).toBe(0.9048374180359596);
    expect(detLn(0.85)).toBe(-0.16251892949777488);
  });
});
