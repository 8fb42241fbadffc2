import { clickhouseEngines, createTestDatabase } from '@crimestats/store/testing';
import { describe, expect, inject, it } from 'vitest';

describe.each(clickhouseEngines)('real ClickHouse (%s)', (engine) => {
  it('creates a table, inserts rows and reads them back', async () => {
    const db = await createTestDatabase(engine, inject('clickhouseUrl'));
    try {
      await db.client.command({
        query: `CREATE TABLE smoke (area String, month Date, count UInt32, revision UInt64)
                ENGINE = ReplacingMergeTree(revision) ORDER BY (area, month)`,
      });
      await db.client.insert({
        table: 'smoke',
        format: 'JSONEachRow',
        values: [
          { area: 'E07000039', month: '2025-01-01', count: 500, revision: 1 },
          { area: 'E07000039', month: '2025-01-01', count: 520, revision: 2 },
          { area: 'E06000015', month: '2025-01-01', count: 2500, revision: 1 },
        ],
      });
      const result = await db.client.query({
        query: 'SELECT area, toString(month) AS month, count FROM smoke FINAL ORDER BY area',
        format: 'JSONEachRow',
      });
      expect(await result.json()).toEqual([
        { area: 'E06000015', month: '2025-01-01', count: 2500 },
        { area: 'E07000039', month: '2025-01-01', count: 520 },
      ]);
    } finally {
      await db.cleanup();
    }
  });
});
