import {
  clickhouseEngines,
  createTestDatabase,
  type TestDatabase,
} from '@crimestats/store/testing';
import { hashToken, TokenRegistry } from '@crimestats/auth';
import { PLAN_CATEGORY_CODES, defaultReference } from '@crimestats/domain';
import { renderAreaChanges, renderAreaTrend } from '@crimestats/reporting';
import { planFigureRows } from '@crimestats/reporting/testing';
import { buildReportingApp, type ReportingApp } from '@crimestats/reporting-http';
import { createStore, migrate, type ClickHouseTarget } from '@crimestats/store';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { changesRequestFrom } from './changes.ts';
import { serverReportReader, storeReportReader, type ReportReader } from './report-reader.ts';
import { trendRequestFrom } from './trend.ts';

const TOKEN = 'analyst-secret-token';
const PERIOD_ENDS = ['2025-09', '2025-10', '2025-11', '2025-12'];

/** Where the command line would point for each engine; chDB tests share the in-memory engine. */
function targetFor(engine: TestDatabase['engine']): ClickHouseTarget {
  return engine === 'server'
    ? { kind: 'server', url: inject('clickhouseUrl') }
    : { kind: 'embedded', path: ':memory:' };
}

describe.each(clickhouseEngines)(
  'report changes and trend read as the API answers (%s)',
  (engine) => {
    let db: TestDatabase;
    let app: ReportingApp;
    const storeOptions = () => ({
      target: targetFor(engine),
      database: db.database,
      migrate: false,
    });

    beforeAll(async () => {
      db = await createTestDatabase(engine, inject('clickhouseUrl'));
      await migrate(db.client, db.database);
      const store = createStore(db.client, db.database);
      await store.figures.upsert(
        PLAN_CATEGORY_CODES.flatMap((category) =>
          PERIOD_ENDS.flatMap((periodEnd) => planFigureRows(category, periodEnd)),
        ),
      );
      await store.loads.record({
        batchId: '00000000-0000-4000-8000-000000000001',
        sourceKind: 'monthly-counts',
        sourceFile: 'plan-2025.csv',
        latestMonth: '2025-12',
        rows: 1000,
        records: 1000,
        loadedAt: new Date('2026-01-15T09:30:00Z'),
      });
      app = await buildReportingApp({
        store: { client: db.client, database: db.database },
        reference: defaultReference,
        tokens: new TokenRegistry([
          { name: 'county-analyst', role: 'analyst', hash: hashToken(TOKEN) },
        ]),
        logger: pino({ level: 'silent' }),
        metrics: new Registry(),
      });
    });
    afterAll(async () => {
      await app?.close();
      await db?.cleanup();
    });

    const apiJson = async (url: string): Promise<unknown> => {
      const res = await app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.statusCode).toBe(200);
      return res.json();
    };

    it('gives the same changes JSON as GET /v1/areas/{code}/changes', async () => {
      const flags = { area: 'E07000039', period: '2025-12' };
      const answer = await storeReportReader(storeOptions(), defaultReference).areaChanges(
        changesRequestFrom(flags),
      );
      const cli: unknown = JSON.parse(renderAreaChanges(answer, 'json'));
      expect(cli).toEqual(await apiJson('/v1/areas/E07000039/changes?period=2025-12'));
      expect(answer.rows[0]).toMatchObject({
        category: { code: 'burglary-business-and-community' },
        significant: true,
      });
      expect(renderAreaChanges(answer, 'table')).toMatch(
        /\nBurglary - business and community {2,}62 {2,}35 {2,}27 {2,}77\.1% {2}▲ significant /,
      );
    });

    it('gives the same empty changes answer, with its message, for a period with no figures', async () => {
      const flags = { area: 'E07000039', period: '2026-03', months: '12' };
      const answer = await storeReportReader(storeOptions(), defaultReference).areaChanges(
        changesRequestFrom(flags),
      );
      expect(answer.rows).toEqual([]);
      expect(answer.message).toMatch(/figures exist for periods ending 2025-09 to 2025-12/);
      expect(JSON.parse(renderAreaChanges(answer, 'json'))).toEqual(
        await apiJson('/v1/areas/E07000039/changes?period=2026-03&months=12'),
      );
    });

    it('reads the same answers from a running server as from the store, through one reader', async () => {
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      const readers: ReportReader[] = [
        storeReportReader(storeOptions(), defaultReference),
        serverReportReader({ url: address, token: TOKEN }),
      ];
      const changes = changesRequestFrom({ area: 'E07000039', period: '2025-12' });
      const trend = trendRequestFrom({
        area: 'E07000039',
        category: 'total-recorded-crime',
        from: '2025-10',
        to: '2025-12',
      });
      const comparison = { category: 'total-recorded-crime', periodEnd: '2025-12', months: 12 };
      const [fromStore, fromServer] = await Promise.all(
        readers.map(async (reader) => ({
          comparison: await reader.comparison(comparison),
          changes: await reader.areaChanges(changes),
          trend: await reader.areaTrend(trend),
        })),
      );
      expect(fromServer).toEqual(fromStore);
      expect(fromStore?.comparison.rows).toHaveLength(11);
    });

    it('gives the same trend JSON as GET /v1/areas/{code}/trend', async () => {
      const flags = {
        area: 'E07000039',
        category: 'total-recorded-crime',
        from: '2025-08',
        to: '2025-12',
      };
      const answer = await storeReportReader(storeOptions(), defaultReference).areaTrend(
        trendRequestFrom(flags),
      );
      expect(JSON.parse(renderAreaTrend(answer, 'json'))).toEqual(
        await apiJson(
          '/v1/areas/E07000039/trend?category=total-recorded-crime&from=2025-08&to=2025-12',
        ),
      );
      expect(answer.lines.map((line) => line.area.code)).toEqual([
        'E07000039',
        'E10000007',
        'E23000018',
      ]);
      // 2025-08 is not stored: every line has a point for it, with no figure.
      expect(answer.lines[0]?.points[0]).toEqual({
        periodEnd: '2025-08',
        volume: null,
        ratePer1000: null,
        complete: false,
      });
    });
  },
);
