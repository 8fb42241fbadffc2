import { clickhouseEngines } from '../testing/index.ts';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { withMigratedDatabase } from '../testing/migrated-database.ts';
import { LoadsRepository, type Load } from './loads.ts';

function load(overrides: Partial<Load> = {}): Load {
  return {
    batchId: randomUUID(),
    sourceKind: 'police-uk',
    sourceFile: '2025-12-derbyshire-street.csv',
    latestMonth: '2025-12',
    rows: 9_876,
    records: 140,
    loadedAt: new Date('2026-01-10T08:00:00Z'),
    ...overrides,
  };
}

describe.each(clickhouseEngines)('LoadsRepository (%s)', (engine) => {
  it('has no latest load before the first', async () => {
    await withMigratedDatabase(engine, async (db) => {
      expect(await new LoadsRepository(db.client, db.database).latest()).toBeNull();
    });
  });

  it('records loads and returns the newest, at whole-second precision', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const repo = new LoadsRepository(db.client, db.database);
      const older = load({ latestMonth: '2025-11', loadedAt: new Date('2026-01-01T00:00:00Z') });
      const newer = load({
        sourceKind: 'monthly-counts',
        sourceFile: "it's \\ here.csv",
        loadedAt: new Date('2026-01-10T08:00:00.750Z'),
      });
      await repo.record(newer);
      await repo.record(older);
      expect(await repo.latest()).toEqual({
        ...newer,
        loadedAt: new Date('2026-01-10T08:00:00Z'),
      });
      expect((await repo.recent()).map((l) => l.batchId)).toEqual([newer.batchId, older.batchId]);
      expect(await repo.recent(1)).toHaveLength(1);
    });
  });

  it('refuses invalid loads', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const repo = new LoadsRepository(db.client, db.database);
      await expect(repo.record(load({ batchId: 'not-a-uuid' }))).rejects.toThrow();
      await expect(repo.record(load({ latestMonth: '2025-13' }))).rejects.toThrow();
      await expect(repo.record(load({ rows: -1 }))).rejects.toThrow();
    });
  });
});
