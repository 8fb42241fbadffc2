import { defaultCategories, type MonthlyCount } from '@crimestats/domain';
import { clickhouseEngines } from '../testing/index.ts';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { MonthlyRecord } from '@crimestats/contracts';
import { uint64Column } from '../columns.ts';
import { selectRows } from '../query.ts';
import { qualified, sql } from '../sql.ts';
import { stopMerges, withMigratedDatabase } from '../testing/migrated-database.ts';
import { countsOfSeries, MIXED_CATEGORIES, randomRecords } from '../testing/random-records.ts';
import { seededRandom } from '@crimestats/testkit';
import { MonthlyRecordsRepository } from './monthly-records.ts';

function record(overrides: Partial<MonthlyRecord> = {}): MonthlyRecord {
  return {
    areaCode: 'E07000039',
    category: 'vehicle-crime',
    month: '2025-01',
    months: 1,
    count: 10,
    source: { kind: 'police-uk', file: '2025-01-derbyshire-street.csv' },
    revision: 1_700_000_000_000,
    batchId: randomUUID(),
    ...overrides,
  };
}

describe.each(clickhouseEngines)('MonthlyRecordsRepository (%s)', (engine) => {
  it('round-trips records into the contract shape', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const repo = new MonthlyRecordsRepository(db.client, db.database);
      const original = record({
        months: 3,
        count: 123_456,
        source: { kind: 'home-office-csp', file: "O'Brien \\ quarterly; DROP.csv" },
        revision: Date.now(),
      });
      await repo.insert([original]);
      expect(await repo.latestCounts({ fromMonth: '2025-01', toMonth: '2025-01' })).toEqual([
        original,
      ]);
    });
  });

  it('lets a higher revision replace a lower one before any merge, in either insert order', async () => {
    await withMigratedDatabase(engine, async (db) => {
      await stopMerges(db, 'monthly_records');
      const repo = new MonthlyRecordsRepository(db.client, db.database);
      const corrected = record({ count: 12, revision: 2_000 });
      const original = record({ count: 10, revision: 1_000 });
      const otherArea = record({ areaCode: 'E06000015', count: 99, revision: 1_000 });
      // Separate inserts make separate parts; the older revision lands last.
      await repo.insert([corrected]);
      await repo.insert([original, otherArea]);
      const later = record({ month: '2025-02', count: 5, revision: 1_000 });
      const laterCorrected = record({ month: '2025-02', count: 6, revision: 3_000 });
      await repo.insert([later]);
      await repo.insert([laterCorrected]);

      const [raw] = await selectRows(
        db.client,
        sql`SELECT count() AS n FROM ${qualified(db.database, 'monthly_records')}`,
        z.object({ n: uint64Column }),
      );
      expect(raw?.n).toBe(5); // all versions still on disk: nothing merged

      const latest = await repo.latestCounts({ fromMonth: '2025-01', toMonth: '2025-12' });
      expect(latest).toEqual([otherArea, corrected, laterCorrected]);
    });
  });

  it('keeps source kinds apart: the same area, category and month from two kinds are two rows', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const repo = new MonthlyRecordsRepository(db.client, db.database);
      const police = record({ revision: 5 });
      const counts = record({
        source: { kind: 'monthly-counts', file: 'counts.csv' },
        count: 11,
        revision: 1,
      });
      await repo.insert([police, counts]);
      const latest = await repo.latestCounts({ fromMonth: '2025-01', toMonth: '2025-01' });
      expect(latest).toHaveLength(2);
      expect(
        await repo.latestCounts({
          fromMonth: '2025-01',
          toMonth: '2025-01',
          sourceKinds: ['monthly-counts'],
        }),
      ).toEqual([counts]);
    });
  });

  it('filters latest counts by month range, categories and areas', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const repo = new MonthlyRecordsRepository(db.client, db.database);
      const records: MonthlyRecord[] = [];
      for (const areaCode of ['E07000032', 'E07000033', 'E06000015']) {
        for (const category of ['vehicle-crime', 'shoplifting', 'anti-social-behaviour']) {
          for (const month of ['2024-12', '2025-01', '2025-02', '2025-03']) {
            records.push(record({ areaCode, category, month, count: records.length }));
          }
        }
      }
      await repo.insert(records);

      const key = (r: MonthlyRecord) => `${r.areaCode} ${r.category} ${r.month}`;
      const expected = (keep: (r: MonthlyRecord) => boolean) =>
        records.filter(keep).map(key).sort();
      const got = async (query: Parameters<typeof repo.latestCounts>[0]) =>
        (await repo.latestCounts(query)).map(key).sort();

      expect(await got({ fromMonth: '2025-01', toMonth: '2025-02' })).toEqual(
        expected((r) => r.month === '2025-01' || r.month === '2025-02'),
      );
      expect(
        await got({ fromMonth: '2024-01', toMonth: '2030-12', categories: ['shoplifting'] }),
      ).toEqual(expected((r) => r.category === 'shoplifting'));
      expect(
        await got({
          fromMonth: '2025-03',
          toMonth: '2025-03',
          categories: ['vehicle-crime', 'anti-social-behaviour'],
          areaCodes: ['E06000015', 'E07000033'],
        }),
      ).toEqual(
        expected(
          (r) =>
            r.month === '2025-03' && r.category !== 'shoplifting' && r.areaCode !== 'E07000032',
        ),
      );
      expect(await got({ fromMonth: '2024-01', toMonth: '2030-12', areaCodes: [] })).toEqual([]);
      expect(await got({ fromMonth: '2026-01', toMonth: '2026-12' })).toEqual([]);
    });
  });

  it('refuses invalid filters and records before touching the database', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const repo = new MonthlyRecordsRepository(db.client, db.database);
      await expect(
        repo.latestCounts({ fromMonth: "2025-01' OR 1=1 --", toMonth: '2025-02' }),
      ).rejects.toThrow(/YYYY-MM/);
      await expect(repo.latestCounts({ fromMonth: '2025-03', toMonth: '2025-02' })).rejects.toThrow(
        /after/,
      );
      await expect(
        repo.latestCounts({
          fromMonth: '2025-01',
          toMonth: '2025-02',
          categories: ["x') OR ('1'='1"],
        }),
      ).rejects.toThrow(/category code/);
      await expect(repo.insert([record({ count: -1 })])).rejects.toThrow();
      await expect(repo.insert([record({ areaCode: 'Derby' })])).rejects.toThrow(/ONS/);
      expect(await repo.monthRange()).toBeNull();
    });
  });

  it('reports the months touched by batches and the range of months loaded', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const repo = new MonthlyRecordsRepository(db.client, db.database);
      const [first, second, unused] = [randomUUID(), randomUUID(), randomUUID()];
      await repo.insert([
        record({ batchId: first, month: '2024-11' }),
        record({ batchId: first, month: '2024-12', category: 'shoplifting' }),
        record({ batchId: first, month: '2024-12' }),
      ]);
      await repo.insert([
        record({
          batchId: second,
          month: '2025-10',
          months: 3,
          source: { kind: 'home-office-csp', file: 'q.csv' },
        }),
      ]);
      expect(await repo.touchedMonths([first])).toEqual(['2024-11', '2024-12']);
      expect(await repo.touchedMonths([second, unused])).toEqual(['2025-10', '2025-11', '2025-12']);
      expect(await repo.touchedMonths([unused])).toEqual([]);
      expect(await repo.touchedMonths([])).toEqual([]);
      await expect(repo.touchedMonths(["'; DROP TABLE x; --"])).rejects.toThrow();
      expect(await repo.monthRange()).toEqual({ first: '2024-11', last: '2025-12' });
    });
  });

  it('gives the counts figures read: latest revision, preferred source, quarters spread, in range', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const repo = new MonthlyRecordsRepository(db.client, db.database);
      const quarter = {
        months: 3 as const,
        source: { kind: 'home-office-csp' as const, file: 'q.csv' },
      };
      await repo.insert([
        record({ month: '2024-12', count: 1 }),
        record({ month: '2025-01', count: 10 }),
        record({ month: '2025-01', count: 11, revision: 1_800_000_000_000 }),
        record({ month: '2025-02', count: 5 }),
        record({ month: '2025-02', count: 6, source: { kind: 'monthly-counts', file: 'c.csv' } }),
        // A quarter from November reaches into the range; one from January spills past its end.
        record({ category: 'stalking-and-harassment', month: '2024-11', count: 30, ...quarter }),
        record({ category: 'stalking-and-harassment', month: '2025-02', count: 40, ...quarter }),
        record({ areaCode: 'E06000015', month: '2025-01', count: 99 }),
      ]);
      const counts = await repo.monthlyCounts(
        {
          categories: ['vehicle-crime', 'stalking-and-harassment'],
          areaCodes: ['E07000039'],
          fromMonth: '2025-01',
          toMonth: '2025-03',
        },
        defaultCategories,
      );
      expect(counts.map((c) => `${c.category} ${c.month} ${c.count}`).sort()).toEqual([
        'stalking-and-harassment 2025-01 30',
        'stalking-and-harassment 2025-02 0',
        'stalking-and-harassment 2025-03 0',
        'vehicle-crime 2025-01 11',
        'vehicle-crime 2025-02 6',
      ]);
    });
  });

  it('gives the same counts as series (monthlySeries) as monthlyCounts: revisions, sources, quarters', async () => {
    await withMigratedDatabase(engine, async (db) => {
      await stopMerges(db, 'monthly_records');
      const repo = new MonthlyRecordsRepository(db.client, db.database);
      const areas = ['E07000039', 'E06000015', 'E07000032'];
      const random = seededRandom(14);
      // Earlier revisions of most records, in their own part, that the latest must replace.
      const earlier = randomRecords(random, areas).map((r) => ({ ...r, count: r.count + 1000 }));
      const latest = randomRecords(random, areas).map((r) => ({
        ...r,
        revision: r.revision + 1e6,
      }));
      await repo.insert(latest);
      await repo.insert(earlier);
      const query = {
        categories: [...MIXED_CATEGORIES, 'anti-social-behaviour'],
        areaCodes: areas.slice(0, 2),
        fromMonth: '2024-02',
        toMonth: '2024-11',
      };
      const counts = await repo.monthlyCounts(query, defaultCategories);
      const series = await repo.monthlySeries(query, defaultCategories);
      const lines = (cs: MonthlyCount[]) =>
        cs.map((c) => `${c.areaCode} ${c.category} ${c.month} ${c.count}`).sort();
      expect(counts.length).toBeGreaterThan(100);
      expect(lines(countsOfSeries(series))).toEqual(lines(counts));
      expect(await repo.monthlySeries({ ...query, areaCodes: [] }, defaultCategories)).toEqual([]);
    });
  });

  it('stamps ingested_at with the time of the insert', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const repo = new MonthlyRecordsRepository(db.client, db.database);
      await repo.insert([record()], new Date('2025-03-04T05:06:07.890Z'));
      const rows = await selectRows(
        db.client,
        sql`SELECT toUnixTimestamp(ingested_at) AS t FROM ${qualified(db.database, 'monthly_records')}`,
        z.object({ t: uint64Column }),
      );
      expect(rows).toEqual([{ t: Date.UTC(2025, 2, 4, 5, 6, 7) / 1000 }]);
    });
  });
});
