import {
  clickhouseEngines,
  createTestDatabase,
  type TestDatabase,
} from '@crimestats/store/testing';
import { discardUpdates, RecordProcessor } from '@crimestats/aggregator';
import { defaultReference } from '@crimestats/domain';
import { buildPlanMonthlyCounts } from '@crimestats/stats/testing';
import { migrate } from '@crimestats/store';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { trendComparators } from '../answers/trend-comparators.ts';
import { recordsOf } from '../testing/loaded-records.ts';
import { readComparisonResponse } from './comparison-response.ts';
import { reportStore, type ReportStore } from './figures-store.ts';
import { readAreaChanges } from './read-area-changes.ts';
import { readAreaTrend } from './read-area-trend.ts';

const reference = { ...defaultReference, forceCode: 'E23000018' };
const LOADED_2025 = new Date('2026-01-15T09:30:00Z');
const DERBY_JANUARY = new Date('2026-02-10T10:00:00Z');
const BACK_LOAD_2023 = new Date('2026-03-01T12:00:00Z');

const plan = buildPlanMonthlyCounts();
/** The plan's 2024 months again, as if they were 2023's. */
const counts2023 = plan
  .filter((c) => c.month.startsWith('2024-'))
  .map((c) => ({ ...c, month: c.month.replace('2024-', '2023-') }));
/** A later month for Derby City alone. */
const derbyJanuary = plan
  .filter((c) => c.areaCode === 'E06000015' && c.month === '2025-01')
  .map((c) => ({ ...c, month: '2026-01' }));

describe.each(clickhouseEngines)('what an answer says it rests on (%s)', (engine) => {
  let db: TestDatabase;
  let store: ReportStore;

  beforeAll(async () => {
    db = await createTestDatabase(engine, inject('clickhouseUrl'));
    await migrate(db.client, db.database);
    store = reportStore(db.client, db.database);
    const processor = new RecordProcessor({
      store,
      reference,
      windows: [12],
      updates: discardUpdates,
      logger: pino({ level: 'silent' }),
    });
    // 2024 and 2025, then one later month for one area, then a back-load of 2023: the last
    // file loaded is neither the newest data nor the load most answers rest on.
    await processor.processRecords(recordsOf(plan, { loadedAt: LOADED_2025 }));
    await processor.processRecords(recordsOf(derbyJanuary, { loadedAt: DERBY_JANUARY }));
    await processor.processRecords(recordsOf(counts2023, { loadedAt: BACK_LOAD_2023 }));
  });
  afterAll(async () => db?.cleanup());

  const comparison = (periodEnd: string) =>
    readComparisonResponse(
      store,
      { category: 'total-recorded-crime', periodEnd, months: 12 },
      reference,
    );

  it("names the newest month with data in the answer's areas, whatever order the files came in", async () => {
    expect((await comparison('2025-12')).basis.latestMonth).toBe('2026-01');
    const southDerbyshire = defaultReference.areas.get('E07000039');
    const changes = await readAreaChanges(
      store,
      { areaCode: southDerbyshire.code, periodEnd: '2025-12', months: 12 },
      southDerbyshire,
      reference,
    );
    expect(changes.basis.latestMonth).toBe('2025-12');
  });

  it("names the latest load that touched the answer's windows", async () => {
    expect((await comparison('2025-12')).basis).toMatchObject({
      loadedAt: LOADED_2025.toISOString(),
      complete: true,
    });
    expect((await comparison('2024-06')).basis.loadedAt).toBe(BACK_LOAD_2023.toISOString());
    expect((await comparison('2026-01')).basis.loadedAt).toBe(DERBY_JANUARY.toISOString());
  });

  it("gives changes and trends the loads of their own areas' windows", async () => {
    const bolsover = defaultReference.areas.get('E07000033');
    const changes = await readAreaChanges(
      store,
      { areaCode: bolsover.code, periodEnd: '2026-01', months: 12 },
      bolsover,
      reference,
    );
    // Derby City's January is no part of Bolsover's answer.
    expect(changes.basis).toMatchObject({
      latestMonth: '2025-12',
      loadedAt: LOADED_2025.toISOString(),
    });
    const trend = await readAreaTrend(
      store,
      {
        areaCode: bolsover.code,
        category: 'total-recorded-crime',
        fromEnd: '2025-12',
        toEnd: '2026-01',
        months: 12,
      },
      {
        area: bolsover,
        category: defaultReference.categories.get('total-recorded-crime'),
        comparators: trendComparators(defaultReference.areas, bolsover.code),
      },
      reference,
    );
    // The force line beside it takes in Derby City, whose January is in these windows.
    expect(trend.basis).toMatchObject({
      latestMonth: '2026-01',
      loadedAt: DERBY_JANUARY.toISOString(),
    });
  });
});
