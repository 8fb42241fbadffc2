import { clickhouseEngines } from '../testing/index.ts';
import { describe, expect, it } from 'vitest';
import { stopMerges, withMigratedDatabase } from '../testing/migrated-database.ts';
import { FiguresRepository, type FigureRow } from './figures.ts';

const computedAt = new Date('2026-01-15T09:30:00Z');

function figure(overrides: Partial<FigureRow> = {}): FigureRow {
  return {
    category: 'total-recorded-crime',
    months: 12,
    periodEnd: '2025-12',
    areaCode: 'E06000015',
    areaName: 'Derby City',
    areaKind: 'csp',
    volume: 30_526,
    population: 274_144,
    ratePer1000: 111.34954623,
    rank: 1,
    previousVolume: 29_891,
    volumeChange: 635,
    percentChange: 2.1243852,
    zScore: -1.5,
    significant: true,
    complete: true,
    computedAt,
    version: 1n,
    ...overrides,
  };
}

const noPrevious: Partial<FigureRow> = {
  rank: null,
  previousVolume: null,
  volumeChange: null,
  percentChange: null,
  zScore: null,
  significant: null,
  complete: false,
};

describe.each(clickhouseEngines)('FiguresRepository (%s)', (engine) => {
  it('round-trips rows, nulls, booleans and negative changes', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const repo = new FiguresRepository(db.client, db.database);
      const rows = [
        figure(),
        figure({
          areaCode: 'E07000039',
          areaName: 'South Derbyshire',
          volumeChange: -120,
          percentChange: -1.75,
          significant: false,
          rank: 9,
        }),
        figure({
          areaCode: 'E10000007',
          areaName: 'Derbyshire County Council area',
          areaKind: 'county',
          ...noPrevious,
        }),
        figure({
          areaCode: 'E23000018',
          areaName: "O'Brien \\ force",
          areaKind: 'force',
          ...noPrevious,
        }),
      ];
      await repo.upsert(rows);
      const read = await repo.read({
        category: 'total-recorded-crime',
        months: 12,
        periodEnd: '2025-12',
      });
      expect(read).toEqual([...rows].sort((a, b) => a.areaCode.localeCompare(b.areaCode)));
    });
  });

  it('writes names with tabs, newlines and backslashes, and numbers in exponent form', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const repo = new FiguresRepository(db.client, db.database);
      const awkward = figure({
        areaName: 'Tab\there\nnew line\r\\N \\t\0end',
        ratePer1000: 1.5e-7,
        percentChange: -2.5e-12,
        zScore: 1.25e21,
      });
      await repo.upsert([awkward]);
      const [read] = await repo.read({
        category: 'total-recorded-crime',
        months: 12,
        periodEnd: '2025-12',
      });
      expect(read?.areaName).toBe(awkward.areaName);
      // The 18.16 server's float parser may differ from JavaScript's in the last bit.
      expect(read?.ratePer1000).toBeCloseTo(1.5e-7, 20);
      expect(read?.percentChange).toBeCloseTo(-2.5e-12, 25);
      expect((read?.zScore ?? 0) / 1.25e21).toBeCloseTo(1, 12);
    });
  });

  it('returns the highest version per area before any merge', async () => {
    await withMigratedDatabase(engine, async (db) => {
      await stopMerges(db, 'figures');
      const repo = new FiguresRepository(db.client, db.database);
      await repo.upsert([figure({ version: 3n, volume: 300 })]);
      await repo.upsert([
        figure({ version: 2n, volume: 200 }),
        figure({ version: 1n, volume: 100 }),
      ]);
      const read = await repo.read({
        category: 'total-recorded-crime',
        months: 12,
        periodEnd: '2025-12',
      });
      expect(read.map((r) => [r.version, r.volume])).toEqual([[3n, 300]]);
    });
  });

  it('keeps versions beyond 2^53 exact, and of equal versions the row inserted last', async () => {
    await withMigratedDatabase(engine, async (db) => {
      await stopMerges(db, 'figures');
      const repo = new FiguresRepository(db.client, db.database);
      const big = 2n ** 60n + 1n;
      await repo.upsert([figure({ version: big, volume: 100 })]);
      await repo.upsert([figure({ version: big - 1n, volume: 50 })]);
      await repo.upsert([figure({ version: big, volume: 200 })]);
      const read = await repo.read({
        category: 'total-recorded-crime',
        months: 12,
        periodEnd: '2025-12',
      });
      expect(read.map((r) => [r.version, r.volume])).toEqual([[big, 200]]);
    });
  });

  it('reads one category, window and period only, and lists the periods and windows available', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const repo = new FiguresRepository(db.client, db.database);
      await repo.upsert([
        figure({ periodEnd: '2025-11' }),
        figure({ periodEnd: '2025-12' }),
        figure({ periodEnd: '2024-12', areaCode: 'E07000032', areaName: 'Amber Valley' }),
        figure({ periodEnd: '2026-01', months: 3 }),
        figure({ periodEnd: '2026-02', category: 'shoplifting' }),
      ]);
      expect(await repo.periodsAvailable('total-recorded-crime', 12)).toEqual([
        '2024-12',
        '2025-11',
        '2025-12',
      ]);
      expect(await repo.periodsAvailable('total-recorded-crime', 3)).toEqual(['2026-01']);
      expect(await repo.periodsAvailable('vehicle-crime', 12)).toEqual([]);
      expect(await repo.windowLengths()).toEqual([3, 12]);
      const read = await repo.read({ category: 'shoplifting', months: 12, periodEnd: '2026-02' });
      expect(read.map((r) => [r.category, r.periodEnd])).toEqual([['shoplifting', '2026-02']]);
      expect(
        await repo.read({ category: 'total-recorded-crime', months: 12, periodEnd: '2026-01' }),
      ).toEqual([]);
    });
  });

  it('refuses invalid rows and queries', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const repo = new FiguresRepository(db.client, db.database);
      await expect(repo.upsert([figure(), figure({ ratePer1000: Number.NaN })])).rejects.toThrow(
        /figure row 2: ratePer1000/,
      );
      await expect(repo.upsert([figure({ rank: 0 })])).rejects.toThrow();
      // Fields a row shares with the row before are checked too, when they differ from it.
      await expect(repo.upsert([figure(), figure({ periodEnd: '2025-13' })])).rejects.toThrow(
        /figure row 2: periodEnd/,
      );
      await expect(repo.upsert([figure(), figure({ months: 0 })])).rejects.toThrow(
        /figure row 2: months/,
      );
      await expect(
        repo.upsert([figure(), figure({ computedAt: new Date(Number.NaN) })]),
      ).rejects.toThrow(/figure row 2: computedAt/);
      await expect(repo.upsert([figure({ computedAt: new Date(Number.NaN) })])).rejects.toThrow();
      await expect(
        repo.read({ category: "x' OR 1=1 --", months: 12, periodEnd: '2025-12' }),
      ).rejects.toThrow(/category code/);
      await expect(repo.periodsAvailable('vehicle-crime', 0)).rejects.toThrow();
    });
  });
});
