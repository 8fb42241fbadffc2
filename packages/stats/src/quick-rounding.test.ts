import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickRoundHalfAwayFromZero } from './quick-rounding.ts';
import { roundHalfAwayFromZero } from './rounding.ts';

function same(value: number, decimals: number): void {
  expect(
    Object.is(quickRoundHalfAwayFromZero(value, decimals), roundHalfAwayFromZero(value, decimals)),
    `${value} to ${decimals}`,
  ).toBe(true);
}

describe('quickRoundHalfAwayFromZero equals roundHalfAwayFromZero', () => {
  it('on the cases people write: halves that are not halves in binary, negatives, zeros', () => {
    for (const value of [
      2.675, 1.005, 1.115, 0.125, 1.1, 1.1, 111.34954623, -2.675, -0.004, -0, 0, 0.5, 1.5, 2.5,
      -0.5, 1e-7, 123456.785, 65.775,
    ]) {
      for (const decimals of [0, 1, 2, 3]) same(value, decimals);
    }
  });

  it('on random doubles, rates and near-halves', () => {
    const nearHalf = fc
      .record({
        whole: fc.integer({ min: -1_000_000, max: 1_000_000 }),
        decimals: fc.integer({ min: 0, max: 6 }),
        nudge: fc.integer({ min: -3, max: 3 }),
      })
      .map(({ whole, decimals, nudge }) => {
        const value = (whole + 0.5) / 10 ** decimals;
        // Step a few doubles either side of the decimal half.
        let nudged = value;
        for (let i = 0; i < Math.abs(nudge); i++) {
          nudged =
            nudge > 0 ? nudged + Math.abs(nudged) * 2 ** -52 : nudged - Math.abs(nudged) * 2 ** -52;
        }
        return { value: nudged, decimals };
      });
    const anyValue = fc.record({
      value: fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc
          .integer({ min: 0, max: 5_000_000 })
          .chain((volume) =>
            fc
              .integer({ min: 1, max: 2_000_000 })
              .map((population) => (volume / population) * 1000),
          ),
      ),
      decimals: fc.integer({ min: 0, max: 15 }),
    });
    fc.assert(
      fc.property(fc.oneof(nearHalf, anyValue), ({ value, decimals }) => {
        same(value, decimals);
      }),
      { numRuns: 20_000 },
    );
  });

  it('refuses what roundHalfAwayFromZero refuses', () => {
    expect(() => quickRoundHalfAwayFromZero(Number.NaN, 2)).toThrow(RangeError);
    expect(() => quickRoundHalfAwayFromZero(1, -1)).toThrow(RangeError);
    expect(() => quickRoundHalfAwayFromZero(1, 2.5)).toThrow(RangeError);
  });
});
