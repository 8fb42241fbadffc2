import {
  clickhouseEngines,
  createTestDatabase,
  type TestDatabase,
} from '@crimestats/store/testing';
import { hashToken, TokenRegistry } from '@crimestats/auth';
import { defaultReference } from '@crimestats/domain';
import { PLAN_LOADED_AT, planRecords } from '@crimestats/reporting/testing';
import { buildReportingApp, type ReportingApp } from '@crimestats/reporting-http';
import { createStore, migrate, type ClickHouseTarget } from '@crimestats/store';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { changesRequestFrom } from './changes.ts';
import { serverReportReader, storeReportReader, type ReportReader } from './report-reader.ts';
import { trendRequestFrom } from './trend.ts';

const TOKEN = 'analyst-secret-token';
const reference = { ...defaultReference, forceCode: 'E23000018' };

function targetFor(engine: TestDatabase['engine']): ClickHouseTarget {
  return engine === 'server'
    ? { kind: 'server', url: inject('clickhouseUrl') }
    : { kind: 'embedded', path: ':memory:' };
}

describe.each(clickhouseEngines)('report --months n on a loaded store (%s)', (engine) => {
  let db: TestDatabase;
  let app: ReportingApp;

  beforeAll(async () => {
    // Records and their load, as ingestion leaves them, and no figures for 6 months.
    db = await createTestDatabase(engine, inject('clickhouseUrl'));
    await migrate(db.client, db.database);
    const store = createStore(db.client, db.database);
    const records = planRecords();
    await store.monthlyRecords.insert(records);
    await store.loads.record({
      batchId: records[0]!.batchId,
      sourceKind: 'monthly-counts',
      sourceFile: 'plan-2025.csv',
      latestMonth: '2025-12',
      rows: records.length,
      records: records.length,
      loadedAt: PLAN_LOADED_AT,
    });
    app = await buildReportingApp({
      store: { client: db.client, database: db.database },
      reference,
      tokens: new TokenRegistry([{ name: 'analyst', role: 'analyst', hash: hashToken(TOKEN) }]),
      logger: pino({ level: 'silent' }),
      metrics: new Registry(),
    });
  });
  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  it('answers compare, changes and trend for 6 months from the store and from a running server alike', async () => {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const readers: ReportReader[] = [
      storeReportReader(
        { target: targetFor(engine), database: db.database, migrate: false },
        reference,
      ),
      serverReportReader({ url: address, token: TOKEN }),
    ];
    const [fromStore, fromServer] = await Promise.all(
      readers.map(async (reader) => ({
        comparison: await reader.comparison({
          category: 'total-recorded-crime',
          periodEnd: '2025-12',
          months: 6,
        }),
        changes: await reader.areaChanges(
          changesRequestFrom({ area: 'E07000039', period: '2025-12', months: '6' }),
        ),
        trend: await reader.areaTrend(
          trendRequestFrom({
            area: 'E07000039',
            category: 'anti-social-behaviour',
            from: '2025-01',
            to: '2025-12',
            months: '6',
          }),
        ),
      })),
    );
    expect(fromStore?.comparison.rows).toHaveLength(11);
    expect(fromStore?.comparison.basis).toEqual({
      latestMonth: '2025-12',
      loadedAt: PLAN_LOADED_AT.toISOString(),
      complete: true,
    });
    // The plan's four categories, and the three parents derived from theft of a motor vehicle.
    expect(fromStore?.changes.rows).toHaveLength(7);
    expect(fromStore?.trend.lines[0]?.points.every((point) => point.volume !== null)).toBe(true);
    expect(fromServer).toEqual(fromStore);
  });
});
