import {
  clickhouseEngines,
  createTestDatabase,
  type TestDatabase,
} from '@crimestats/store/testing';
import { discardUpdates, RecordProcessor } from '@crimestats/aggregator';
import { defaultReference, monthRange, parseMonth } from '@crimestats/domain';
import { migrate, type FigureRow } from '@crimestats/store';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { otherSourceRecords, planRecords, populationRecords } from '../testing/loaded-records.ts';
import { reportStore, type ReportStore } from './figures-store.ts';
import { figuresOnDemand } from './figures-on-demand.ts';
import { readAreaChanges } from './read-area-changes.ts';
import { readAreaTrend } from './read-area-trend.ts';
import { readComparisonResponse } from './comparison-response.ts';
import { trendComparators } from '../answers/trend-comparators.ts';

const FORCE = 'E23000018';
const reference = { ...defaultReference, forceCode: FORCE };
const CATEGORIES = defaultReference.categories.all().map((category) => category.code);
const LOADED_MONTHS = monthRange(parseMonth('2024-01'), parseMonth('2025-12'));

/**
 * A store loaded through the aggregator, as ingestion leaves it, keeping figures for `windows`:
 * the plan's counts, police.uk and Home Office records beside them, and a population file.
 */
async function loadedStore(engine: TestDatabase['engine'], windows: number[]) {
  const db = await createTestDatabase(engine, inject('clickhouseUrl'));
  await migrate(db.client, db.database);
  const store = reportStore(db.client, db.database);
  const processor = new RecordProcessor({
    store,
    reference,
    windows,
    updates: discardUpdates,
    logger: pino({ level: 'silent' }),
  });
  await processor.processRecords(planRecords());
  await processor.processRecords(otherSourceRecords());
  await processor.processPopulations(populationRecords());
  return { db, store };
}

/**
 * Numbers to 12 significant digits: a double read back from an older ClickHouse server may
 * differ from the computed one in its last bit, which no answer shows.
 */
function rounded<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) =>
      typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v,
    ),
  ) as T;
}

/** A figure without when it was computed, in a stable order: what two computations share. */
const comparable = (rows: readonly FigureRow[]) =>
  rounded(
    rows
      .map(({ computedAt: _c, version: _v, ...rest }) => rest)
      .sort((a, b) =>
        `${a.category}|${a.periodEnd}|${a.areaCode}`.localeCompare(
          `${b.category}|${b.periodEnd}|${b.areaCode}`,
        ),
      ),
  );

const storedFigures = (store: ReportStore, months: number) =>
  store.figures.readRange({ categories: CATEGORIES, months, fromEnd: '1909-12', toEnd: '2199-12' });

describe.each(clickhouseEngines)('any window from the stored records (%s)', (engine) => {
  let keeps12: { db: TestDatabase; store: ReportStore };
  let keeps6: { db: TestDatabase; store: ReportStore };

  beforeAll(async () => {
    keeps12 = await loadedStore(engine, [12]);
    keeps6 = await loadedStore(engine, [6]);
  });
  afterAll(async () => {
    await keeps12?.db.cleanup();
    await keeps6?.db.cleanup();
  });

  it('computes on demand exactly what the aggregator stores, for its default window and another', async () => {
    for (const [months, keeps] of [
      [12, keeps12],
      [6, keeps6],
    ] as const) {
      const stored = await storedFigures(keeps.store, months);
      expect(stored.length).toBeGreaterThan(0);
      // Computed from the store that keeps only 12-month figures, whatever the window.
      const computed = await figuresOnDemand(keeps12.store, reference, {
        categories: CATEGORIES,
        ends: LOADED_MONTHS,
        months,
      });
      expect(comparable(computed)).toEqual(comparable(stored));
    }
  });

  it('answers a 6-month comparison where only 12-month figures are kept, as a store keeping them would', async () => {
    for (const category of [
      'total-recorded-crime',
      'shoplifting',
      'stalking-and-harassment',
      'anti-social-behaviour',
      'burglary-business-and-community',
    ]) {
      for (const periodEnd of ['2024-03', '2025-05', '2025-12']) {
        const query = { category, periodEnd, months: 6 };
        const onDemand = await readComparisonResponse(keeps12.store, query, reference);
        expect(onDemand.rows.length, `${category} ${periodEnd}`).toBeGreaterThan(0);
        expect(rounded(onDemand)).toEqual(
          rounded(await readComparisonResponse(keeps6.store, query, reference)),
        );
      }
    }
  });

  it("answers a 6-month area's changes and trend where only 12-month figures are kept", async () => {
    for (const areaCode of ['E07000039', 'E07000033', 'E10000007', FORCE]) {
      const area = defaultReference.areas.get(areaCode);
      const changes = { areaCode, periodEnd: '2025-12', months: 6 };
      const onDemand = await readAreaChanges(keeps12.store, changes, area, reference);
      expect(onDemand.rows.length).toBeGreaterThan(0);
      expect(rounded(onDemand)).toEqual(
        rounded(await readAreaChanges(keeps6.store, changes, area, reference)),
      );

      const trend = {
        areaCode,
        category: 'shoplifting',
        fromEnd: '2023-12',
        toEnd: '2026-02',
        months: 6,
      };
      const subjects = {
        area,
        category: defaultReference.categories.get('shoplifting'),
        comparators: trendComparators(defaultReference.areas, areaCode),
      };
      const line = await readAreaTrend(keeps12.store, trend, subjects, reference);
      expect(line.lines.length).toBeGreaterThan(0);
      expect(rounded(line)).toEqual(
        rounded(await readAreaTrend(keeps6.store, trend, subjects, reference)),
      );
    }
  });

  it('fills in the period ends a window added later has no stored figures for', async () => {
    // 2024 loaded while the aggregator kept 12 months, 2025 after 6 was added to its windows.
    const db = await createTestDatabase(engine, inject('clickhouseUrl'));
    try {
      await migrate(db.client, db.database);
      const store = reportStore(db.client, db.database);
      const processor = (windows: number[]) =>
        new RecordProcessor({
          store,
          reference,
          windows,
          updates: discardUpdates,
          logger: pino({ level: 'silent' }),
        });
      const records = planRecords();
      await processor([12]).processRecords(records.filter((r) => r.month < '2025-01'));
      await processor([12, 6]).processRecords(records.filter((r) => r.month >= '2025-01'));
      const stored = await storedFigures(store, 6);
      expect(stored.some((figure) => figure.periodEnd < '2025-01')).toBe(false);

      const area = defaultReference.areas.get('E07000039');
      const query = {
        areaCode: area.code,
        category: 'total-recorded-crime',
        fromEnd: '2024-06',
        toEnd: '2025-12',
        months: 6,
      };
      const subjects = {
        area,
        category: defaultReference.categories.get('total-recorded-crime'),
        comparators: trendComparators(defaultReference.areas, area.code),
      };
      const trend = await readAreaTrend(store, query, subjects, reference);
      for (const line of trend.lines) {
        expect(line.points.filter((point) => point.volume === null)).toEqual([]);
      }
    } finally {
      await db.cleanup();
    }
  });

  it('answers no figures, naming the periods that have some, only where no data reaches', async () => {
    const query = { category: 'total-recorded-crime', periodEnd: '2026-03', months: 6 };
    const answer = await readComparisonResponse(keeps12.store, query, reference);
    expect(answer.rows).toEqual([]);
    expect(answer.message).toContain('figures exist for periods ending 2024-01 to 2025-12');
    const never = { category: 'drug-offences', periodEnd: '2025-12', months: 6 };
    const none = await readComparisonResponse(keeps12.store, never, reference);
    expect(none.rows).toEqual([]);
    expect(none.message).toContain('there are no 6-month figures for drug-offences at all');
  });
});
