import { describe, expect, it } from 'vitest';
import { monthRange, parseMonth } from '@crimestats/domain';
import { affectedPeriodEnds, allPeriodEnds } from './affected-periods.ts';

const range = { first: '2024-01', last: '2025-12' };

describe('affectedPeriodEnds', () => {
  it('reaches every period end whose current or previous window holds a touched month', () => {
    expect(affectedPeriodEnds(['2024-05'], 3, range)).toEqual(
      expect.arrayContaining(['2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10']),
    );
  });

  it('treats a touched month as its whole quarter, which a Home Office quarter may span', () => {
    // A June record can decide whether April and May come from a Home Office quarter or from
    // monthly data, so windows ending in April and May move too.
    expect(affectedPeriodEnds(['2024-06'], 1, range)).toEqual([
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
    ]);
  });

  it('keeps within the months that have data', () => {
    expect(affectedPeriodEnds(['2025-12'], 1, range)).toEqual(['2025-10', '2025-11', '2025-12']);
  });
});

// Months run from 1900-01 to 2199-12 and period ends from 1909-12: a record at either end of that
// range is a record like any other, and must not make the period arithmetic leave it.

describe('affectedPeriodEnds at the ends of the month range', () => {
  it('stops at 2199-12', () => {
    const range = { first: '2025-01', last: '2199-12' };
    expect(affectedPeriodEnds(['2199-12'], 12, range)).toEqual(['2199-10', '2199-11', '2199-12']);
    expect(affectedPeriodEnds(['2199-11'], 60, range)).toEqual(['2199-10', '2199-11', '2199-12']);
  });

  it('makes no period end before 1909-12', () => {
    const range = { first: '1900-01', last: '2025-12' };
    expect(affectedPeriodEnds(['1900-01'], 12, range)).toEqual([]);
    // The quarter January–March 1909 reaches the ends up to March 1909 + 23 months.
    expect(affectedPeriodEnds(['1909-01'], 12, range)).toEqual(
      monthRange(parseMonth('1909-12'), parseMonth('1911-02')),
    );
  });
});

describe('allPeriodEnds', () => {
  it('runs from the later of the first month and 1909-12 to the last month', () => {
    expect(allPeriodEnds({ first: '1900-01', last: '1910-02' })).toEqual([
      '1909-12',
      '1910-01',
      '1910-02',
    ]);
    expect(allPeriodEnds({ first: '1900-01', last: '1909-06' })).toEqual([]);
    expect(allPeriodEnds({ first: '2199-11', last: '2199-12' })).toEqual(['2199-11', '2199-12']);
  });
});
