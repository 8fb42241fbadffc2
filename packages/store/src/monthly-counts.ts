import type { MonthlyRecord, SourceKind } from '@crimestats/contracts';
import {
  FIRST_YEAR,
  addMonths,
  compareMonths,
  monthFromParts,
  monthsBetween,
  parseMonth,
  type Month,
  type MonthlyCount,
} from '@crimestats/domain';

/**
 * Which source speaks for an (area, category, month) when several do: the force's own monthly
 * counts, then police.uk's street-level data, then the Home Office's quarterly tables.
 */
export const SOURCE_PRECEDENCE: readonly SourceKind[] = [
  'monthly-counts',
  'police-uk',
  'home-office-csp',
];

/** The most months one record spans (a Home Office quarter); see MonthlyRecordSchema. */
export const LONGEST_RECORD_MONTHS = 3;

/**
 * Turns the latest stored records into the monthly counts the statistics core reads, one per
 * (area, category, month). A quarterly record counts at its quarter's last month and marks its
 * other two months present with zero: windows ending at a quarter's end (March, June, September,
 * December) are exact, and any other window counts the quarters whose last month falls inside it.
 */
export function countsFromRecords(records: Iterable<MonthlyRecord>): MonthlyCount[] {
  const best = new Map<string, { rank: number; count: MonthlyCount }>();
  const offer = (count: MonthlyCount, source: SourceKind): void => {
    const key = `${count.areaCode}|${count.category}|${count.month}`;
    const rank = SOURCE_PRECEDENCE.indexOf(source);
    const current = best.get(key);
    if (!current || rank < current.rank) best.set(key, { rank, count });
  };
  for (const r of records) {
    const start = parseMonth(r.month);
    for (let i = 0; i < r.months; i++) {
      const month = addMonths(start, i);
      const count = i === r.months - 1 ? r.count : 0;
      offer({ areaCode: r.areaCode, category: r.category, month, count }, r.source.kind);
    }
  }
  return [...best.values()].map((v) => v.count);
}

/**
 * The earliest start month of a record that can reach `month`: a quarter starting up to two
 * months before it covers it. Never before the first month there is.
 */
export function earliestStartReaching(month: Month): Month {
  const back = Math.min(
    LONGEST_RECORD_MONTHS - 1,
    monthsBetween(monthFromParts(FIRST_YEAR, 1), month),
  );
  return addMonths(month, -back);
}

/** Whether a month lies between two others, both included. */
export function monthWithin(month: Month, first: Month, last: Month): boolean {
  return compareMonths(month, first) >= 0 && compareMonths(month, last) <= 0;
}
