import { addMonths, monthsBetween, type CategoryTaxonomy, type Month } from '@crimestats/domain';
import { quarterEdits, type SpanRecord } from './monthly-counts.ts';

/**
 * One (area, category)'s counts over consecutive months from `first`, NaN where it has none: what
 * countsFromRecords gives for them, as numbers rather than an object per count.
 */
export interface CountSeries {
  areaCode: string;
  category: string;
  first: Month;
  counts: Float64Array;
}

/**
 * The latest records of one (area, category) as ClickHouse packs them: per record, one cell
 * `(at × 4 + rank) × 4 + months` (at: months since the read's first month; rank: 1-based place in
 * SOURCE_PRECEDENCE) and its count. Packed so a national read is two arrays of numbers per
 * (area, category), not an object per record.
 */
export interface PackedRecords {
  areaCode: string;
  category: string;
  cells: readonly number[];
  counts: readonly number[];
}

export const packCell = (at: number, rank: number, months: number): number =>
  (at * 4 + rank) * 4 + months;

/**
 * countsFromRecords over packed records read from `readFirst` on for `readMonths` months, kept
 * for the months from `from` to `to`: the best monthly source per month by precedence, then the
 * quarter rule (quarterEdits), so both reads choose alike.
 */
export function seriesFromPackedRecords(
  rows: Iterable<PackedRecords>,
  read: { first: Month; months: number },
  from: Month,
  to: Month,
  taxonomy: CategoryTaxonomy,
): CountSeries[] {
  const monthly = new Map<string, Map<string, Float64Array>>();
  const spans: Array<SpanRecord & { at: number }> = [];
  for (const row of rows) {
    const { counts, spanCounts, spanMonths } = bestPerMonth(row, read.months);
    let categories = monthly.get(row.areaCode);
    if (categories === undefined) monthly.set(row.areaCode, (categories = new Map()));
    categories.set(row.category, counts);
    spanMonths.forEach((months, at) => {
      if (months === 0) return;
      const month = addMonths(read.first, at);
      const count = spanCounts[at]!;
      spans.push({ areaCode: row.areaCode, category: row.category, month, months, count, at });
    });
  }
  // In the order countsFromRecords meets them (the store reads by area, category, month), so
  // overlapping quarters end as they would there.
  spans.sort(
    (a, b) =>
      compareText(a.areaCode, b.areaCode) || compareText(a.category, b.category) || a.at - b.at,
  );
  const series = (areaCode: string, category: string) => monthly.get(areaCode)?.get(category);
  const hasMonthly = (areaCode: string, category: string, month: Month): boolean => {
    const at = monthsBetween(read.first, month);
    const count = series(areaCode, category)?.[at];
    return count !== undefined && !Number.isNaN(count);
  };
  // Made in full before any is applied: the rule reads the monthly choice unedited.
  const edits = quarterEdits(spans, hasMonthly, taxonomy);
  for (const { areaCode, category, month, count } of edits) {
    const at = monthsBetween(read.first, month);
    if (at < 0 || at >= read.months) continue;
    let counts = series(areaCode, category);
    if (counts === undefined) {
      counts = new Float64Array(read.months).fill(Number.NaN);
      monthly.get(areaCode)!.set(category, counts);
    }
    counts[at] = count ?? Number.NaN;
  }
  const [start, end] = [monthsBetween(read.first, from), monthsBetween(read.first, to) + 1];
  const result: CountSeries[] = [];
  for (const [areaCode, categories] of monthly) {
    for (const [category, counts] of categories) {
      const kept = counts.subarray(start, end);
      if (kept.some((count) => !Number.isNaN(count))) {
        result.push({ areaCode, category, first: from, counts: kept });
      }
    }
  }
  return result;
}

/** The best monthly record per month (NaN where none), and the best span record per start. */
function bestPerMonth(row: PackedRecords, length: number) {
  const counts = new Float64Array(length).fill(Number.NaN);
  const ranks = new Uint8Array(length).fill(255);
  const spanCounts = new Float64Array(length);
  const spanMonths = new Uint8Array(length);
  const spanRanks = new Uint8Array(length).fill(255);
  row.cells.forEach((cell, i) => {
    const months = cell % 4;
    const rank = Math.floor(cell / 4) % 4;
    const at = Math.floor(cell / 16);
    if (at >= length) throw new RangeError(`record month ${at} is outside the read`);
    // Strictly better only, as countsFromRecords's offer: the first of equals stays.
    if (months === 1) {
      if (rank < ranks[at]!) [ranks[at], counts[at]] = [rank, row.counts[i]!];
    } else if (rank < spanRanks[at]!) {
      [spanRanks[at], spanCounts[at], spanMonths[at]] = [rank, row.counts[i]!, months];
    }
  });
  return { counts, spanCounts, spanMonths };
}

/** Code-unit order, as the store's ORDER BY sorts the ASCII codes. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
