import type { MonthlyRecord } from '@crimestats/contracts';
import { defaultCategories, monthsBetween, parseMonth } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { countsFromRecords, SOURCE_PRECEDENCE } from './monthly-counts.ts';
import { packCell, seriesFromPackedRecords } from './monthly-series.ts';
import { seededRandom } from '@crimestats/testkit';
import { countsOfSeries, randomRecords } from './testing/random-records.ts';

/** The records as the store's query packs them, one row per (area, category), in any order. */
function packed(records: readonly MonthlyRecord[], first: string) {
  const rows = new Map<
    string,
    { areaCode: string; category: string; cells: number[]; counts: number[] }
  >();
  for (const r of records) {
    const key = `${r.areaCode}|${r.category}`;
    let row = rows.get(key);
    if (!row)
      rows.set(key, (row = { areaCode: r.areaCode, category: r.category, cells: [], counts: [] }));
    const at = monthsBetween(parseMonth(first), parseMonth(r.month));
    row.cells.push(packCell(at, SOURCE_PRECEDENCE.indexOf(r.source.kind) + 1, r.months));
    row.counts.push(r.count);
  }
  return [...rows.values()].reverse();
}

/** `area category month count` lines, sorted. */
const lines = (
  counts: Iterable<{ areaCode: string; category: string; month: string; count: number }>,
) => [...counts].map((c) => `${c.areaCode} ${c.category} ${c.month} ${c.count}`).sort();

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

describe('seriesFromPackedRecords', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('chooses as countsFromRecords does (seed %i)', (seed) => {
    const records = randomRecords(seededRandom(seed), ['E07000039', 'E06000015']);
    // In the order latestCounts reads them: overlapping quarters decide by it.
    const stored = [...records].sort(
      (a, b) =>
        compare(a.areaCode, b.areaCode) ||
        compare(a.category, b.category) ||
        compare(a.month, b.month) ||
        compare(a.source.kind, b.source.kind),
    );
    const expected = countsFromRecords(stored, defaultCategories).filter(
      (c) => c.month >= '2024-03' && c.month <= '2024-10',
    );
    const series = seriesFromPackedRecords(
      packed(records, '2024-01'),
      { first: parseMonth('2024-01'), months: 12 },
      parseMonth('2024-03'),
      parseMonth('2024-10'),
      defaultCategories,
    );
    expect(lines(countsOfSeries(series))).toEqual(lines(expected));
    expect(expected.some((c) => c.category === 'vehicle-crime')).toBe(true);
  });

  it('refuses a record month outside the months read', () => {
    const rows = [
      { areaCode: 'E07000039', category: 'robbery', cells: [packCell(3, 1, 1)], counts: [1] },
    ];
    const read = { first: parseMonth('2024-01'), months: 3 };
    const month = parseMonth('2024-01');
    expect(() => seriesFromPackedRecords(rows, read, month, month, defaultCategories)).toThrow(
      /outside/,
    );
  });
});
