import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from './apportion.ts';

describe('apportion', () => {
  it('splits evenly with the remainder spread over the earliest parts', () => {
    expect(apportion(14, [1, 1, 1, 1])).toEqual([4, 4, 3, 3]);
    expect(apportion(12, Array<number>(12).fill(1))).toEqual(Array<number>(12).fill(1));
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });

  it('follows the weights', () => {
    expect(apportion(100, [1, 3])).toEqual([25, 75]);
    expect(apportion(10, [0, 1])).toEqual([0, 10]);
  });

  it('always sums to the total, each part within one of its exact share', () => {
    fc.assert(
      fc.property(
        fc.nat(1_000_000),
        fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 1, maxLength: 24 }),
        (total, weights) => {
          const parts = apportion(total, weights);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((part, position) => {
            expect(Number.isInteger(part)).toBe(true);
            expect(Math.abs(part - (total * (weights[position] ?? 0)) / weightSum)).toBeLessThan(1);
          });
        },
      ),
    );
  });

  it('refuses impossible splits', () => {
    expect(() => apportion(-1, [1])).toThrow(RangeError);
    expect(() => apportion(1.5, [1])).toThrow(RangeError);
    expect(() => apportion(1, [])).toThrow(RangeError);
    expect(() => apportion(1, [0, 0])).toThrow(RangeError);
    expect(() => apportion(1, [-1, 2])).toThrow(RangeError);
  });
});
