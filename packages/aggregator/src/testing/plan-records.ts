import { randomUUID } from 'node:crypto';
import type { MonthlyRecord } from '@crimestats/contracts';
import type { MonthlyCount } from '@crimestats/domain';
import { buildPlanMonthlyCounts } from '@crimestats/stats/testing';

/** The plan's monthly series as records from one monthly-counts load. */
export function planRecords(
  counts: MonthlyCount[] = buildPlanMonthlyCounts(),
  revision = Date.UTC(2026, 0, 15),
): MonthlyRecord[] {
  const batchId = randomUUID();
  return counts.map((c) => ({
    areaCode: c.areaCode,
    category: c.category,
    month: c.month,
    months: 1,
    count: c.count,
    source: { kind: 'monthly-counts', file: 'plan-2025.csv' },
    revision,
    batchId,
  }));
}
