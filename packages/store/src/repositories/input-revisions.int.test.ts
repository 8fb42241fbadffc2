import { describe, expect, it } from 'vitest';
import type { MonthlyRecord } from '@crimestats/contracts';
import { clickhouseEngines } from '../testing/index.ts';
import { withMigratedDatabase } from '../testing/migrated-database.ts';
import { InputRevisionsRepository } from './input-revisions.ts';
import { MonthlyRecordsRepository } from './monthly-records.ts';
import { PopulationsRepository } from './populations.ts';

const BATCH = '00000000-0000-4000-8000-000000000001';

function record(areaCode: string, month: string, revision: number, count = 1): MonthlyRecord {
  return {
    areaCode,
    category: 'anti-social-behaviour',
    month,
    months: 1,
    count,
    source: { kind: 'monthly-counts', file: 'plan.csv' },
    revision,
    batchId: BATCH,
  };
}

describe.each(clickhouseEngines)('input revisions (%s)', (engine) => {
  it('sums the latest revisions per area and of populations, growing with every change', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const revisions = new InputRevisionsRepository(db.client, db.database);
      const records = new MonthlyRecordsRepository(db.client, db.database);
      const populations = new PopulationsRepository(db.client, db.database);
      const empty = await revisions.sums(['E07000032']);
      expect(empty).toEqual({ records: new Map(), populations: 0n });

      const t = 1_768_435_200_000;
      await records.insert([record('E07000032', '2025-01', t), record('E07000032', '2025-02', t)]);
      await records.insert([record('E07000033', '2025-01', t + 5)]);
      // An older revision of a stored record changes nothing; a newer one replaces it.
      await records.insert([record('E07000032', '2025-01', t - 1, 9)]);
      await records.insert([record('E07000032', '2025-02', t + 1, 9)]);
      await populations.insert([
        {
          areaCode: 'E07000032',
          year: 2025,
          population: 125_000,
          source: { file: 'populations.csv' },
          revision: t + 7,
          batchId: BATCH,
        },
      ]);
      const sums = await revisions.sums(['E07000032', 'E07000034']);
      expect(sums.records).toEqual(new Map([['E07000032', 2n * BigInt(t) + 1n]]));
      expect(sums.populations).toBe(BigInt(t + 7));
      expect((await revisions.sums([])).records).toEqual(new Map());
    });
  });
});
