import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  compareMonths,
  formatMonth,
  isMonth,
  monthFromParts,
  monthParts,
  monthRange,
  monthsBetween,
  parseMonth,
} from './months.ts';
import { MonthSchema } from './month-schema.ts';

const m = parseMonth;
const arbitraryMonth = fc
  .record({ year: fc.integer({ min: 1900, max: 2199 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => monthFromParts(year, month));
const toIndex = (month: string): number => {
  const { year, month: number } = monthParts(m(month));
  return year * 12 + number - 1;
};

describe('parseMonth', () => {
  it('accepts YYYY-MM', () => {
    expect(parseMonth('2025-12')).toBe('2025-12');
    expect(isMonth('2024-01')).toBe(true);
  });

  it.each(['2025-13', '2025-00', '2025-1', '25-01', '2025-01-01', ' 2025-01', '0999-01', ''])(
    'refuses %j',
    (text) => {
      expect(isMonth(text)).toBe(false);
      expect(() => parseMonth(text)).toThrow(RangeError);
      expect(MonthSchema.safeParse(text).success).toBe(false);
    },
  );
});

describe('month arithmetic', () => {
  it('crosses year boundaries', () => {
    expect(addMonths(m('2025-12'), 1)).toBe('2026-01');
    expect(addMonths(m('2025-01'), -1)).toBe('2024-12');
    expect(addMonths(m('2025-12'), -11)).toBe('2025-01');
    expect(addMonths(m('2025-12'), -23)).toBe('2024-01');
    expect(addMonths(m('2025-03'), 0)).toBe('2025-03');
  });

  it('refuses fractional offsets', () => {
    expect(() => addMonths(m('2025-03'), 0.5)).toThrow(RangeError);
  });

  it('counts months between, signed', () => {
    expect(monthsBetween(m('2025-01'), m('2025-12'))).toBe(11);
    expect(monthsBetween(m('2025-12'), m('2024-01'))).toBe(-23);
    expect(monthsBetween(m('2025-06'), m('2025-06'))).toBe(0);
  });

  it('lists a range inclusively', () => {
    expect(monthRange(m('2024-11'), m('2025-02'))).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(monthRange(m('2025-02'), m('2025-02'))).toEqual(['2025-02']);
    expect(monthRange(m('2025-03'), m('2025-02'))).toEqual([]);
  });

  it('agrees with plain year*12+month arithmetic', () => {
    fc.assert(
      fc.property(arbitraryMonth, fc.integer({ min: -600, max: 600 }), (month, offset) => {
        const target = toIndex(month) + offset;
        fc.pre(target >= 1900 * 12 && target < 2200 * 12);
        const shifted = addMonths(month, offset);
        expect(toIndex(shifted)).toBe(toIndex(month) + offset);
        expect(monthsBetween(month, shifted)).toBe(offset);
      }),
    );
  });

  it('orders months chronologically', () => {
    expect(compareMonths(m('2024-12'), m('2025-01'))).toBeLessThan(0);
    expect(compareMonths(m('2025-01'), m('2024-12'))).toBeGreaterThan(0);
    expect(compareMonths(m('2025-01'), m('2025-01'))).toBe(0);
  });
});

describe('conversions', () => {
  it('builds and splits months', () => {
    expect(monthFromParts(2025, 3)).toBe('2025-03');
    expect(monthParts(m('2025-03'))).toEqual({ year: 2025, month: 3 });
    expect(() => monthFromParts(2025, 13)).toThrow(RangeError);
  });

  it('reads a date in UTC, whatever the local zone', () => {
    expect(formatMonth(new Date('2025-01-31T23:59:59Z'))).toBe('2025-01');
    expect(formatMonth(new Date('2025-02-01T00:00:00Z'))).toBe('2025-02');
    expect(formatMonth(new Date('2025-12-31T23:30:00-05:00'))).toBe('2026-01');
    expect(() => formatMonth(new Date('not a date'))).toThrow(RangeError);
  });
});
