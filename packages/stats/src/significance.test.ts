import { describe, expect, it } from 'vitest';
import { isSignificant, poissonZScore, SIGNIFICANCE_THRESHOLD } from './significance.ts';

describe('poissonZScore', () => {
  it('is 2(√current − √previous)', () => {
    expect(poissonZScore(100, 64)).toBe(4);
    expect(poissonZScore(64, 100)).toBe(-4);
    expect(poissonZScore(49, 0)).toBe(14);
    expect(poissonZScore(0, 0)).toBe(0);
    expect(poissonZScore(30526, 29891)).toBeCloseTo(2 * (Math.sqrt(30526) - Math.sqrt(29891)), 12);
  });

  it('refuses negative counts', () => {
    expect(() => poissonZScore(-1, 4)).toThrow(RangeError);
  });
});

describe('isSignificant', () => {
  it('flags |z| ≥ 3, either direction', () => {
    expect(SIGNIFICANCE_THRESHOLD).toBe(3);
    expect(isSignificant(3)).toBe(true);
    expect(isSignificant(-3)).toBe(true);
    expect(isSignificant(2.999)).toBe(false);
    expect(isSignificant(-2.999)).toBe(false);
    expect(isSignificant(poissonZScore(100, 64))).toBe(true);
  });
});
