import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  roundHalfAwayFromZero,
  roundPercent,
  roundRate,
  toFixedHalfAwayFromZero,
} from './rounding.ts';

describe('toFixedHalfAwayFromZero', () => {
  it.each([
    [0.125, 2, '0.13'],
    [2.675, 2, '2.68'],
    [1.005, 2, '1.01'],
    [1.255, 2, '1.26'],
    [8.345, 2, '8.35'],
    [0.285, 2, '0.29'],
    [1.45, 1, '1.5'],
    [0.05, 1, '0.1'],
    [-0.05, 1, '-0.1'],
    [-2.675, 2, '-2.68'],
    [-1.25, 1, '-1.3'],
    [2.5, 0, '3'],
    [-2.5, 0, '-3'],
    [0.5, 0, '1'],
    [1.1, 2, '1.10'],
    [1.0961802334940551, 2, '1.10'],
    [65.78121, 2, '65.78'],
    [99.995, 2, '100.00'],
    [9.95, 1, '10.0'],
    [0, 2, '0.00'],
    [-0, 2, '0.00'],
    [-0.004, 2, '0.00'],
    [-0.04, 1, '0.0'],
    [123, 2, '123.00'],
    [1.5e-7, 2, '0.00'],
    [5e-7, 6, '0.000001'],
    [1.5e-7, 7, '0.0000002'],
    [1e21, 1, '1000000000000000000000.0'],
    [1.2345e22, 0, '12345000000000000000000'],
  ])('%d to %d places is %s', (value, decimals, expected) => {
    expect(toFixedHalfAwayFromZero(value, decimals)).toBe(expected);
  });

  it('refuses what it cannot round', () => {
    expect(() => toFixedHalfAwayFromZero(Number.NaN, 2)).toThrow(RangeError);
    expect(() => toFixedHalfAwayFromZero(Number.POSITIVE_INFINITY, 2)).toThrow(RangeError);
    expect(() => toFixedHalfAwayFromZero(1, -1)).toThrow(RangeError);
    expect(() => toFixedHalfAwayFromZero(1, 1.5)).toThrow(RangeError);
  });

  it('is symmetric about zero', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.nat(6), (value, places) => {
        const positive = roundHalfAwayFromZero(Math.abs(value), places);
        expect(roundHalfAwayFromZero(-Math.abs(value), places)).toBe(
          positive === 0 ? 0 : -positive,
        );
      }),
    );
  });

  it('stays within half a unit of the value', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.nat(4), (value, places) => {
        const unit = 10 ** -places;
        expect(Math.abs(roundHalfAwayFromZero(value, places) - value)).toBeLessThanOrEqual(
          unit / 2 + 1e-9,
        );
      }),
    );
  });

  it('rounds every exact half away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (tenths) => {
        const value = Number(`${tenths < 0 ? '-' : ''}${Math.abs(tenths)}.5`);
        const expected = tenths < 0 ? tenths - 1 : tenths + 1;
        expect(roundHalfAwayFromZero(value, 0)).toBe(expected === 0 ? 0 : expected);
      }),
    );
  });
});

describe('presentation helpers', () => {
  it('rounds rates to 2 decimals and percentages to 1', () => {
    expect(roundRate(111.34945)).toBe(111.35);
    expect(roundRate(0.125)).toBe(0.13);
    expect(roundPercent(2.124385)).toBe(2.1);
    expect(roundPercent(-0.05)).toBe(-0.1);
    expect(Object.is(roundPercent(-0.04), 0)).toBe(true);
  });
});
