import { randomUUID } from 'node:crypto';
import type { MonthlyRecord } from '@crimestats/contracts';
import { describe, expect, it } from 'vitest';
import { createStore } from '../store.ts';
import { clickhouseEngines } from '../testing/index.ts';
import { withMigratedDatabase } from '../testing/migrated-database.ts';

/** One file's records for an area, loaded at `loadedAt`, with its load recorded. */
function load(areaCode: string, months: string[], loadedAt: string, span: 1 | 3 = 1) {
  const batchId = randomUUID();
  const revision = new Date(loadedAt).getTime();
  const records: MonthlyRecord[] = months.map((month) => ({
    areaCode,
    category: 'burglary',
    month,
    months: span,
    count: 3,
    source: { kind: span === 3 ? 'home-office-csp' : 'police-uk', file: 'f.csv' },
    revision,
    batchId,
  }));
  const info = {
    batchId,
    sourceKind: records[0]!.source.kind,
    sourceFile: 'f.csv',
    latestMonth: months.at(-1)!,
    rows: records.length,
    records: records.length,
    loadedAt: new Date(loadedAt),
  };
  return { records, info };
}

describe.each(clickhouseEngines)('DataBasisRepository (%s)', (engine) => {
  it('has no month and no load without records in the areas and months', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const store = createStore(db.client, db.database);
      const empty = { latestMonth: null, loadedAt: null };
      const query = { areaCodes: ['E07000039'], fromMonth: '2024-01', toMonth: '2025-12' };
      expect(await store.basis.read(query)).toEqual(empty);
      expect(await store.basis.read({ ...query, areaCodes: [] })).toEqual(empty);
    });
  });

  it("names the newest month of the areas' records and the latest load touching the months", async () => {
    await withMigratedDatabase(engine, async (db) => {
      const store = createStore(db.client, db.database);
      const files = [
        load('E07000039', ['2025-11', '2025-12'], '2026-01-15T09:30:00Z'),
        // A quarter from October: it covers December, and reaches a span starting in November.
        load('E07000033', ['2025-10'], '2026-02-01T10:00:00Z', 3),
        load('E07000039', ['2023-01', '2023-02'], '2026-03-01T12:00:00Z'),
      ];
      for (const file of files) {
        await store.monthlyRecords.insert(file.records);
        await store.loads.record(file.info);
      }
      const read = (areaCodes: string[], fromMonth: string, toMonth: string) =>
        store.basis.read({ areaCodes, fromMonth, toMonth });

      expect(await read(['E07000039'], '2025-01', '2025-12')).toEqual({
        latestMonth: '2025-12',
        loadedAt: new Date('2026-01-15T09:30:00Z'),
      });
      expect(await read(['E07000033'], '2025-12', '2026-03')).toEqual({
        latestMonth: '2025-12',
        loadedAt: new Date('2026-02-01T10:00:00Z'),
      });
      expect((await read(['E07000033'], '2026-01', '2026-03')).loadedAt).toBeNull();
      expect(await read(['E07000039', 'E07000033'], '2022-06', '2025-12')).toEqual({
        latestMonth: '2025-12',
        loadedAt: new Date('2026-03-01T12:00:00Z'),
      });
      expect((await read(['E07000039'], '2023-03', '2025-10')).loadedAt).toBeNull();
      // The first month there is: no record can start before it.
      expect((await read(['E07000039'], '1900-01', '2023-01')).loadedAt).toEqual(
        new Date('2026-03-01T12:00:00Z'),
      );
    });
  });

  it('refuses a bad query before touching the database', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const store = createStore(db.client, db.database);
      await expect(
        store.basis.read({ areaCodes: ["x' OR 1"], fromMonth: '2025-01', toMonth: '2025-12' }),
      ).rejects.toThrow();
      await expect(
        store.basis.read({ areaCodes: ['E07000039'], fromMonth: '2025-12', toMonth: '2025-01' }),
      ).rejects.toThrow(/after/);
    });
  });
});
