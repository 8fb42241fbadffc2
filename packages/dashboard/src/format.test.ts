import { toFixedHalfAwayFromZero as reference } from '@crimestats/stats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatPercent,
  formatRate,
  monthLabel,
  monthsBefore,
  toFixedHalfAwayFromZero,
} from '../public/format.js';

describe("the page's number formats", () => {
  it('round as the statistics core does, for any number', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 4 }),
        (value, decimals) => {
          expect(toFixedHalfAwayFromZero(value, decimals)).toBe(reference(value, decimals));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('round halves away from zero on the decimal people read', () => {
    expect(formatRate(2.675)).toBe('2.68');
    expect(formatRate(-2.675)).toBe('-2.68');
    expect(formatPercent(-2.8070719602977667)).toBe('-2.8');
    expect(formatPercent(0.05)).toBe('0.1');
    expect(formatPercent(-0.04)).toBe('0.0');
  });

  it("print the plan's South Derbyshire total-crime row", () => {
    expect(formatCount(6267)).toBe('6,267');
    expect(formatRate(58.76010276220301)).toBe('58.76');
    expect(formatCount(6448)).toBe('6,448');
    expect(formatCount(-181)).toBe('-181');
    expect(formatCount(84621)).toBe('84,621');
    expect(formatRate(1111.355)).toBe('1,111.36');
  });

  it('show a missing value as a dash', () => {
    expect(formatCount(null)).toBe('–');
    expect(formatRate(null)).toBe('–');
    expect(formatPercent(undefined)).toBe('–');
  });

  it('name and step months', () => {
    expect(monthLabel('2025-12')).toBe('Dec 2025');
    expect(monthsBefore('2025-12', 35)).toBe('2023-01');
    expect(monthsBefore('2025-01', 1)).toBe('2024-12');
    expect(monthsBefore('2024-12', -1)).toBe('2025-01');
  });
});
