import { describe, expect, it } from 'vitest';
import { affectedPeriodEnds, allPeriodEnds } from './affected-periods.ts';

// Months run from 1900-01 to 2199-12 and period ends from 1909-12: a record at either end of that
// range is a record like any other, and must not make the period arithmetic leave it.

describe('affectedPeriodEnds at the ends of the month range', () => {
  it('stops at 2199-12', () => {
    const range = { first: '2025-01', last: '2199-12' };
    expect(affectedPeriodEnds(['2199-12'], 12, range)).toEqual(['2199-12']);
    expect(affectedPeriodEnds(['2199-11'], 60, range)).toEqual(['2199-11', '2199-12']);
  });

  it('makes no period end before 1909-12', () => {
    const range = { first: '1900-01', last: '2025-12' };
    expect(affectedPeriodEnds(['1900-01'], 12, range)).toEqual([]);
    expect(affectedPeriodEnds(['1909-01'], 12, range)).toEqual([
      '1909-12',
      '1910-01',
      '1910-02',
      '1910-03',
      '1910-04',
      '1910-05',
      '1910-06',
      '1910-07',
      '1910-08',
      '1910-09',
      '1910-10',
      '1910-11',
      '1910-12',
    ]);
  });

  it('is unchanged inside the range', () => {
    const range = { first: '2024-01', last: '2025-12' };
    expect(affectedPeriodEnds(['2025-06'], 3, range)).toEqual([
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
    ]);
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
