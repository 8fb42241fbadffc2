import { clickhouseEngines } from '../testing/index.ts';
import { describe, expect, it } from 'vitest';
import { stopMerges, withMigratedDatabase } from '../testing/migrated-database.ts';
import { AreaFiguresRepository } from './area-figures.ts';
import { DataVersionRepository } from './data-version.ts';
import { FiguresRepository, type FigureRow } from './figures.ts';
import { LoadsRepository } from './loads.ts';

const computedAt = new Date('2026-01-15T09:30:00Z');

function figure(overrides: Partial<FigureRow> = {}): FigureRow {
  return {
    category: 'total-recorded-crime',
    months: 12,
    periodEnd: '2025-12',
    areaCode: 'E07000039',
    areaName: 'South Derbyshire',
    areaKind: 'csp',
    volume: 6267,
    population: 106_654,
    ratePer1000: 58.76,
    rank: 6,
    previousVolume: 6448,
    volumeChange: -181,
    percentChange: -2.8,
    zScore: -1.6,
    significant: false,
    complete: true,
    computedAt,
    version: 1n,
    ...overrides,
  };
}

describe.each(clickhouseEngines)('AreaFiguresRepository (%s)', (engine) => {
  it("reads one area's categories for one period, newest version only", async () => {
    await withMigratedDatabase(engine, async (db) => {
      await stopMerges(db, 'figures');
      const figures = new FiguresRepository(db.client, db.database);
      await figures.upsert([
        figure(),
        figure({ category: 'burglary', volume: 300 }),
        figure({ category: 'burglary', volume: 310, version: 2n }),
        figure({ category: 'drugs', areaCode: 'E06000015', areaName: 'Derby City' }),
        figure({ category: 'drugs', periodEnd: '2025-11' }),
        figure({ category: 'drugs', months: 6 }),
      ]);
      const rows = await new AreaFiguresRepository(db.client, db.database).readAreaPeriod({
        areaCode: 'E07000039',
        months: 12,
        periodEnd: '2025-12',
      });
      expect(rows.map((row) => [row.category, row.volume])).toEqual([
        ['burglary', 310],
        ['total-recorded-crime', 6267],
      ]);
      const repo = new AreaFiguresRepository(db.client, db.database);
      expect(await repo.periodsAvailable('E07000039', 12)).toEqual(['2025-11', '2025-12']);
      expect(await repo.periodsAvailable('E07000039', 3)).toEqual([]);
    });
  });

  it('reads some areas of one category over a span of period ends', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const figures = new FiguresRepository(db.client, db.database);
      const months = ['2025-09', '2025-10', '2025-11', '2025-12'];
      await figures.upsert(
        months.flatMap((periodEnd) =>
          ['E07000039', 'E10000007', 'E07000032'].map((areaCode) =>
            figure({ periodEnd, areaCode, volume: Number(periodEnd.slice(5)) }),
          ),
        ),
      );
      const rows = await new AreaFiguresRepository(db.client, db.database).readAreasRange({
        category: 'total-recorded-crime',
        areaCodes: ['E07000039', 'E10000007'],
        months: 12,
        fromEnd: '2025-10',
        toEnd: '2025-11',
      });
      expect(rows.map((row) => `${row.periodEnd} ${row.areaCode} ${row.volume}`)).toEqual([
        '2025-10 E07000039 10',
        '2025-10 E10000007 10',
        '2025-11 E07000039 11',
        '2025-11 E10000007 11',
      ]);
      const none = await new AreaFiguresRepository(db.client, db.database).readAreasRange({
        category: 'total-recorded-crime',
        areaCodes: [],
        months: 12,
        fromEnd: '2025-10',
        toEnd: '2025-11',
      });
      expect(none).toEqual([]);
    });
  });
});

describe.each(clickhouseEngines)('DataVersionRepository (%s)', (engine) => {
  it('changes when figures are written or a load is recorded', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const version = new DataVersionRepository(db.client, db.database);
      const empty = await version.current();
      expect(empty).toMatchObject({ figureRows: 0, loadRows: 0, latestLoadAt: 0 });

      await new FiguresRepository(db.client, db.database).upsert([figure()]);
      const withFigures = await version.current();
      expect(withFigures.token).not.toBe(empty.token);
      expect(withFigures).toMatchObject({
        figureRows: 1,
        figuresComputedAt: computedAt.getTime() / 1000,
        figuresVersion: '1',
      });

      await new LoadsRepository(db.client, db.database).record({
        batchId: '00000000-0000-4000-8000-000000000001',
        sourceKind: 'monthly-counts',
        sourceFile: 'plan.csv',
        latestMonth: '2025-12',
        rows: 1,
        records: 1,
        loadedAt: computedAt,
      });
      const withLoad = await version.current();
      expect(withLoad.token).not.toBe(withFigures.token);
      expect(withLoad).toMatchObject({ loadRows: 1, latestLoadAt: computedAt.getTime() / 1000 });
      expect(await version.current()).toEqual(withLoad);
    });
  });
});
