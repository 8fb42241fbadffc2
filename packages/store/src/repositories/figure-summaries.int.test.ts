import { clickhouseEngines } from '../testing/index.ts';
import { describe, expect, it } from 'vitest';
import { withMigratedDatabase } from '../testing/migrated-database.ts';
import { FigureSummariesRepository } from './figure-summaries.ts';
import { FiguresRepository, type FigureRow } from './figures.ts';

const row = (overrides: Partial<FigureRow>): FigureRow => ({
  category: 'total-recorded-crime',
  months: 12,
  periodEnd: '2025-12',
  areaCode: 'E06000015',
  areaName: 'Derby City',
  areaKind: 'csp',
  volume: 30_526,
  population: 274_144,
  ratePer1000: 111.35,
  rank: 1,
  previousVolume: 29_891,
  volumeChange: 635,
  percentChange: 2.12,
  zScore: 2.5,
  significant: false,
  complete: true,
  computedAt: new Date('2026-01-15T09:30:00Z'),
  version: 1n,
  ...overrides,
});

describe.each(clickhouseEngines)('figure summaries (%s)', (engine) => {
  it('reads the key and published numbers of the latest version, nulls included', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const figures = new FiguresRepository(db.client, db.database);
      await figures.upsert([
        row({}),
        row({ volume: 30_000, version: 2n }),
        row({
          areaCode: 'E10000007',
          areaName: 'County Council area',
          areaKind: 'county',
          population: null,
          ratePer1000: null,
          rank: null,
          previousVolume: null,
          volumeChange: null,
          percentChange: null,
          zScore: null,
          significant: null,
          complete: false,
        }),
        row({ periodEnd: '2026-01' }),
      ]);
      const summaries = await new FigureSummariesRepository(db.client, db.database).readRange({
        categories: ['total-recorded-crime'],
        months: 12,
        fromEnd: '2025-12',
        toEnd: '2025-12',
      });
      expect(summaries.sort((a, b) => a.areaCode.localeCompare(b.areaCode))).toEqual([
        {
          category: 'total-recorded-crime',
          months: 12,
          periodEnd: '2025-12',
          areaCode: 'E06000015',
          volume: 30_000,
          ratePer1000: 111.35,
          rank: 1,
          previousVolume: 29_891,
          percentChange: 2.12,
          complete: true,
          significant: false,
        },
        {
          category: 'total-recorded-crime',
          months: 12,
          periodEnd: '2025-12',
          areaCode: 'E10000007',
          volume: 30_526,
          ratePer1000: null,
          rank: null,
          previousVolume: null,
          percentChange: null,
          complete: false,
          significant: null,
        },
      ]);
    });
  });
});
