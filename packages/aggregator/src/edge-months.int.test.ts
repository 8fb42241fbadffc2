import type { MonthlyRecord } from '@crimestats/contracts';
import { defaultReference } from '@crimestats/domain';
import { createStore, migrate, type Store } from '@crimestats/store';
import {
  clickhouseEngines,
  createTestDatabase,
  type TestDatabase,
} from '@crimestats/store/testing';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { RecordProcessor } from './record-processor.ts';
import { planRecords } from './testing/plan-records.ts';

// A record in the first or last months of the range (1900-01, 2199-12) is valid everywhere, so the
// aggregator must take it: it once failed the batch, and once stored, failed every later batch
// whose recompute reached it, populations included.

const reference = { ...defaultReference, forceCode: 'E23000018' };

describe.each(clickhouseEngines)('records at the ends of the month range (%s)', (engine) => {
  let db: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    db = await createTestDatabase(engine, inject('clickhouseUrl'));
    await migrate(db.client, db.database);
    store = createStore(db.client, db.database);
  });
  afterEach(async () => db?.cleanup());

  const processor = (windows: number[]) =>
    new RecordProcessor({
      store,
      reference,
      windows,
      updates: { publish: async () => {} },
      logger: pino({ level: 'silent' }),
    });
  const record = (month: string, change: Partial<MonthlyRecord> = {}): MonthlyRecord => ({
    ...planRecords()[0]!,
    areaCode: 'E07000039',
    category: 'vehicle-crime',
    month,
    months: 1,
    count: 4,
    ...change,
  });
  const population = (year: number) => ({
    areaCode: 'E07000039',
    year,
    population: 100_000,
    source: { file: 'populations.csv' },
    revision: 1,
    batchId: planRecords()[0]!.batchId,
  });
  const figure = (periodEnd: string, months = 12, areaCode = 'E07000039') =>
    store.figures
      .read({ category: 'vehicle-crime', months, periodEnd })
      .then((rows) => rows.find((r) => r.areaCode === areaCode));

  it('takes 1900 records, making no period end before 1909-12', async () => {
    const p = processor([12, 60]);
    await p.processRecords([record('1900-01'), record('1909-12')]);
    await p.processRecords([record('1910-06')]);
    await p.processPopulations([population(1905)]);
    await p.recomputeAll();
    expect((await figure('1909-12'))?.volume).toBe(4);
    // Its previous window starts in 1900-01, where the first record is.
    expect((await figure('1909-12', 60))?.previousVolume).toBe(4);
    expect((await figure('1910-06'))?.volume).toBe(8);
    expect(await figure('1909-11')).toBeUndefined();
  });

  it('takes 2199 records and a quarter ending in 2199-12', async () => {
    const p = processor([12]);
    await p.processRecords([record('2199-01')]);
    await p.processRecords([
      record('2199-10', { months: 3, source: { kind: 'home-office-csp', file: 'csp.csv' } }),
      record('2199-12', { areaCode: 'E07000038' }),
    ]);
    await p.processPopulations([population(2199)]);
    await p.recomputeAll();
    // The quarter's count falls in its last month, 2199-12.
    expect((await figure('2199-11'))?.volume).toBe(4);
    expect((await figure('2199-12'))?.volume).toBe(8);
    expect((await figure('2199-12'))?.ratePer1000).toBeCloseTo(0.08);
    expect((await figure('2199-12', 12, 'E07000038'))?.volume).toBe(4);
  });
});
