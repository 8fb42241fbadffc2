import {
  clickhouseEngines,
  createTestDatabase,
  type TestDatabase,
} from '@crimestats/store/testing';
import { randomUUID } from 'node:crypto';
import { defaultReference } from '@crimestats/domain';
import { createStore, migrate, type ClickHouseTarget } from '@crimestats/store';
import { uniqueName } from '@crimestats/testkit';
import { describe, expect, inject, it } from 'vitest';
import type { ComparisonQuery } from '../requests/comparison-query.ts';
import { FiguresStoreError, withFiguresStore } from './figures-store.ts';
import { readComparison } from './read-comparison.ts';
import { renderComparisonCsv } from '../rendering/render-csv.ts';
import { renderComparisonTable } from '../rendering/render-table.ts';
import { planFigureRows } from '../testing/plan-figures.ts';
import { planRecords } from '../testing/loaded-records.ts';

const reference = defaultReference;
const query: ComparisonQuery = {
  category: 'total-recorded-crime',
  periodEnd: '2025-12',
  months: 12,
};

/** Where the command line would point for each engine; chDB tests share the in-memory engine. */
function targetFor(engine: TestDatabase['engine']): ClickHouseTarget {
  return engine === 'server'
    ? { kind: 'server', url: inject('clickhouseUrl') }
    : { kind: 'embedded', path: ':memory:' };
}

async function withTestDatabase(
  engine: TestDatabase['engine'],
  body: (db: TestDatabase) => Promise<void>,
): Promise<void> {
  const db = await createTestDatabase(engine, inject('clickhouseUrl'));
  try {
    await body(db);
  } finally {
    await db.cleanup();
  }
}

describe.each(clickhouseEngines)('reading comparisons from the store (%s)', (engine) => {
  it("reads the stored figures back as the plan's table, CSV and answer", async () => {
    await withTestDatabase(engine, async (db) => {
      await migrate(db.client, db.database);
      const store = createStore(db.client, db.database);
      const batchId = randomUUID();
      await store.monthlyRecords.insert(planRecords({ batchId }));
      await store.figures.upsert([
        ...planFigureRows('total-recorded-crime', '2025-12'),
        ...planFigureRows('total-recorded-crime', '2025-11'),
        ...planFigureRows('anti-social-behaviour', '2025-12'),
      ]);
      await store.loads.record({
        batchId,
        sourceKind: 'monthly-counts',
        sourceFile: 'plan-2025.csv',
        latestMonth: '2025-12',
        rows: 1000,
        records: 1000,
        loadedAt: new Date('2026-01-15T09:30:00Z'),
      });

      const lookup = await withFiguresStore(
        { target: targetFor(engine), database: db.database, migrate: false },
        (figures) => readComparison(figures, query, reference),
      );

      expect(lookup.found).toBe(true);
      const { answer } = lookup;
      expect(answer.rows.map((row) => row.area.name).slice(0, 2)).toEqual([
        'Derby City',
        'Chesterfield',
      ]);
      expect(answer.rows.map((row) => row.area.kind).slice(-2)).toEqual(['county', 'force']);
      expect(answer.basis).toEqual({
        latestMonth: '2025-12',
        loadedAt: '2026-01-15T09:30:00.000Z',
        complete: true,
      });
      expect(renderComparisonTable(answer)).toMatch(
        /\nSouth Derbyshire {2,}6,267 {2,}58\.76 {2,}6 {2,}6,448 {2,}-181 {2,}-2\.8% {2,}yes\n/,
      );
      expect(renderComparisonCsv(answer)).toContain(
        '\nE07000039,South Derbyshire,csp,6267,106654,58.76,6,6448,-181,-2.8,true\n',
      );
      // Unrounded through the store: the stored doubles come back as they went in.
      const stored = planFigureRows().find((row) => row.areaCode === 'E07000039');
      const southDerbyshire = answer.rows.find((row) => row.area.code === 'E07000039');
      expect(southDerbyshire?.ratePer1000).toBe(stored?.ratePer1000);
      expect(southDerbyshire?.percentChange).toBe(stored?.percentChange);
    });
  });

  it('says which periods have figures when the one asked for has none', async () => {
    await withTestDatabase(engine, async (db) => {
      await migrate(db.client, db.database);
      await createStore(db.client, db.database).figures.upsert([
        ...planFigureRows('total-recorded-crime', '2025-11'),
        ...planFigureRows('total-recorded-crime', '2025-12'),
      ]);
      const lookup = await withFiguresStore(
        { target: targetFor(engine), database: db.database, migrate: false },
        (figures) => readComparison(figures, { ...query, periodEnd: '2026-03' }, reference),
      );
      expect(lookup).toMatchObject({ found: false, periodsAvailable: ['2025-11', '2025-12'] });
      expect(lookup.answer.rows).toEqual([]);
      expect(lookup.answer.basis).toEqual({ latestMonth: null, loadedAt: null, complete: false });
    });
  });

  it('sets up an empty database when asked to migrate, and then finds no figures', async () => {
    await withTestDatabase(engine, async (db) => {
      const lookup = await withFiguresStore(
        { target: targetFor(engine), database: db.database, migrate: true },
        (figures) => readComparison(figures, query, reference),
      );
      expect(lookup).toMatchObject({ found: false, periodsAvailable: [] });
    });
  });

  it('reports a database nobody has set up, rather than a missing table', async () => {
    const read = withFiguresStore(
      { target: targetFor(engine), database: uniqueName('absent'), migrate: false },
      (figures) => readComparison(figures, query, reference),
    );
    await expect(read).rejects.toThrow(FiguresStoreError);
    await expect(read).rejects.toMatchObject({
      reason: 'not-migrated',
      message: expect.stringMatching(/is not set up \(\d+ of its migrations not applied\)/),
    });
  });
});

describe('reading comparisons from a server that does not answer', () => {
  it('says the figures cannot be read, naming the server without credentials', async () => {
    const read = withFiguresStore(
      {
        target: { kind: 'server', url: 'http://reader:secret@127.0.0.1:9/' },
        database: 'crimestats',
        migrate: false,
      },
      (figures) => readComparison(figures, query, reference),
    );
    await expect(read).rejects.toMatchObject({
      name: 'FiguresStoreError',
      reason: 'unavailable',
      message: expect.stringContaining(
        'cannot read the database "crimestats" on ClickHouse at http://127.0.0.1:9:',
      ),
    });
    await expect(read).rejects.not.toThrow(/secret/);
  });
});
