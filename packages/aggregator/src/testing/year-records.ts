import { randomUUID } from 'node:crypto';
import type { MonthlyRecord } from '@crimestats/contracts';

/**
 * One monthly-counts load of a year: each area's count in every month of `year`, for one
 * category (drugs unless given).
 */
export function yearRecords(
  counts: Record<string, number>,
  year: number,
  revision: number,
  category = 'drugs',
): MonthlyRecord[] {
  const batchId = randomUUID();
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).flatMap(
    (month) =>
      Object.entries(counts).map(([areaCode, count]) => ({
        areaCode,
        category,
        month,
        months: 1,
        count,
        source: { kind: 'monthly-counts' as const, file: `counts-${year}.csv` },
        revision,
        batchId,
      })),
  );
}
