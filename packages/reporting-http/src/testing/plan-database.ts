import { createTestDatabase, type TestDatabase } from '@crimestats/store/testing';
import { planFigureRows, planRecords } from '@crimestats/reporting/testing';
import { createStore, migrate } from '@crimestats/store';
import { PLAN_CATEGORY_CODES } from '@crimestats/domain';

/** Period ends the plan's monthly series (2024-01 to 2025-12) gives 12-month figures for. */
export const PLAN_PERIOD_ENDS = [
  '2024-12',
  '2025-01',
  '2025-02',
  '2025-03',
  '2025-04',
  '2025-05',
  '2025-06',
  '2025-07',
  '2025-08',
  '2025-09',
  '2025-10',
  '2025-11',
  '2025-12',
] as const;

export const LOADED_AT = new Date('2026-01-15T09:30:00Z');
const BATCH_ID = '00000000-0000-4000-8000-000000000001';

/**
 * A migrated database holding the plan's records (one load) and their 12-month figures for every
 * plan category and period end, as ingestion and the aggregator would leave them.
 */
export async function seedPlanDatabase(engine: TestDatabase['engine'], url: string) {
  const db = await createTestDatabase(engine, url);
  await migrate(db.client, db.database);
  const store = createStore(db.client, db.database);
  await store.monthlyRecords.insert(planRecords({ batchId: BATCH_ID, loadedAt: LOADED_AT }));
  await store.figures.upsert(
    PLAN_CATEGORY_CODES.flatMap((category) =>
      PLAN_PERIOD_ENDS.flatMap((periodEnd) => planFigureRows(category, periodEnd)),
    ),
  );
  await store.loads.record({
    batchId: BATCH_ID,
    sourceKind: 'monthly-counts',
    sourceFile: 'plan-2025.csv',
    latestMonth: '2025-12',
    rows: 1000,
    records: 1000,
    loadedAt: LOADED_AT,
  });
  return { db, store };
}
