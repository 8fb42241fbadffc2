import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clickhouseEngines } from '../testing/index.ts';
import { withMigratedDatabase } from '../testing/migrated-database.ts';
import { DataVersionRepository } from './data-version.ts';
import { PopulationsRepository } from './populations.ts';
import { ReferenceAreasRepository } from './reference-areas.ts';
import { ReferenceCategoriesRepository } from './reference-categories.ts';

describe.each(clickhouseEngines)('DataVersionRepository (%s)', (engine) => {
  it('moves when a population file is loaded, which changes rates without a load of records', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const versions = new DataVersionRepository(db.client, db.database);
      const populations = new PopulationsRepository(db.client, db.database);
      const before = await versions.current();
      expect(await versions.current()).toEqual(before);
      const population = (value: number, revision: number) => ({
        areaCode: 'E07000039',
        year: 2025,
        population: value,
        source: { file: 'populations.csv' },
        revision,
        batchId: randomUUID(),
      });
      await populations.insert([population(110_000, 1_000)]);
      const loaded = await versions.current();
      expect(loaded.token).not.toBe(before.token);
      await populations.insert([population(111_000, 2_000)]);
      expect((await versions.current()).token).not.toBe(loaded.token);
    });
  });

  it('moves when reference areas or categories are loaded, which rename and regroup answers', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const versions = new DataVersionRepository(db.client, db.database);
      const before = await versions.current();
      const load = (revision: number) => ({
        file: 'reference.csv',
        revision,
        batchId: randomUUID(),
      });
      await new ReferenceAreasRepository(db.client, db.database).insert(
        [
          {
            areaCode: 'E07000032',
            areaName: 'Amber Valley',
            forceCode: 'E23000018',
            forceName: 'Derbyshire',
            policeUkName: 'Derbyshire Constabulary',
          },
        ],
        load(1_000),
      );
      const areas = await versions.current();
      expect(areas.token).not.toBe(before.token);
      await new ReferenceCategoriesRepository(db.client, db.database).insert(
        [
          {
            code: 'domestic-abuse-flagged',
            label: 'Domestic abuse',
            parent: 'total-recorded-crime',
          },
        ],
        load(2_000),
      );
      expect((await versions.current()).token).not.toBe(areas.token);
    });
  });
});
