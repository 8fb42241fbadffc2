import { randomUUID } from 'node:crypto';
import type { MonthlyRecord } from '@crimestats/contracts';
import { defaultCategories, parseMonth } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { countsFromRecords, earliestStartReaching, latestMonthDeciding } from './monthly-counts.ts';

function record(overrides: Partial<MonthlyRecord>): MonthlyRecord {
  return {
    areaCode: 'E07000039',
    category: 'burglary',
    month: '2025-01',
    months: 1,
    count: 10,
    source: { kind: 'police-uk', file: 'street.csv' },
    revision: 1_700_000_000_000,
    batchId: randomUUID(),
    ...overrides,
  };
}

const sorted = (counts: ReturnType<typeof countsFromRecords>) =>
  [...counts].sort((a, b) => `${a.category}${a.month}`.localeCompare(`${b.category}${b.month}`));

describe('countsFromRecords', () => {
  it("takes the force's counts over police.uk, and a quarter monthly data does not cover", () => {
    const counts = countsFromRecords(
      [
        record({ count: 7 }),
        record({ count: 9, source: { kind: 'monthly-counts', file: 'counts.csv' } }),
        record({ month: '2025-02', count: 4 }),
        record({
          month: '2025-02',
          count: 40,
          months: 3,
          source: { kind: 'home-office-csp', file: 'q.csv' },
        }),
      ],
      defaultCategories,
    );
    // police.uk gives only February of the February–April quarter, so the quarter stands.
    expect(sorted(counts).map((c) => [c.month, c.count])).toEqual([
      ['2025-01', 9],
      ['2025-02', 0],
      ['2025-03', 0],
      ['2025-04', 40],
    ]);
  });

  it('counts a quarter at its last month, its first two present with zero', () => {
    const counts = countsFromRecords(
      [record({ category: 'stalking-and-harassment', month: '2024-10', months: 3, count: 12 })],
      defaultCategories,
    );
    expect(sorted(counts).map((c) => [c.month, c.count])).toEqual([
      ['2024-10', 0],
      ['2024-11', 0],
      ['2024-12', 12],
    ]);
  });
});

describe('earliestStartReaching', () => {
  it('goes back as far as a quarter can start, never before 1900-01', () => {
    expect(earliestStartReaching(parseMonth('2025-01'))).toBe('2024-11');
    expect(earliestStartReaching(parseMonth('1900-02'))).toBe('1900-01');
    expect(earliestStartReaching(parseMonth('1900-01'))).toBe('1900-01');
  });
});

describe('latestMonthDeciding', () => {
  it('reaches to the end of a quarter starting at the month, never past 2199-12', () => {
    expect(latestMonthDeciding(parseMonth('2025-05'))).toBe('2025-07');
    expect(latestMonthDeciding(parseMonth('2199-11'))).toBe('2199-12');
    expect(latestMonthDeciding(parseMonth('2199-12'))).toBe('2199-12');
  });
});
