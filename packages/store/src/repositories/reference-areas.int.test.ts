import { defaultReference, type ReferenceAreaRow } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { loadReference } from '../reference.ts';
import { ReferenceSource } from '../reference-source.ts';
import { createStore } from '../store.ts';
import { clickhouseEngines } from '../testing/index.ts';
import { withMigratedDatabase } from '../testing/migrated-database.ts';

const row = (areaCode: string, areaName: string, county?: string): ReferenceAreaRow => ({
  areaCode,
  areaName,
  forceCode: 'E23000099',
  forceName: "Exampleshire's Police",
  policeUkName: "Exampleshire's Police",
  ...(county === undefined ? {} : { countyCode: 'E10000099', countyName: county }),
});
const load = (revision: number) => ({ file: 'ref.csv', revision, batchId: `b${revision}` });

describe.each(clickhouseEngines)('ReferenceAreasRepository (%s)', (engine) => {
  it('starts with the reference in code, then merges loaded areas, latest revision winning', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const store = createStore(db.client, db.database);
      expect(await loadReference(store)).toBe(defaultReference);

      await store.referenceAreas.insert(
        [row('E07000902', 'Betaby', 'Exampleshire'), row('E07000901', 'Alphaton', 'Exampleshire')],
        load(1),
      );
      await store.referenceAreas.insert([row('E07000902', 'Betaby Vale')], load(2));

      expect(await store.referenceAreas.all()).toEqual([
        row('E07000901', 'Alphaton', 'Exampleshire'),
        row('E07000902', 'Betaby Vale'),
      ]);
      const reference = await loadReference(store);
      expect(reference.categories).toBe(defaultReference.categories);
      expect(reference.areas.cspMembersOf('E23000018')).toEqual(
        defaultReference.areas.cspMembersOf('E23000018'),
      );
      expect(reference.areas.get('E23000099').members).toEqual(['E10000099', 'E07000902']);
      expect(reference.areas.get('E07000902').name).toBe('Betaby Vale');
    });
  });

  it('moves its revision with every load, which a reference source reloads on', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const store = createStore(db.client, db.database);
      const empty = await store.referenceAreas.revision();
      const source = await ReferenceSource.open(store);
      expect(source.current()).toBe(defaultReference);

      await store.referenceAreas.insert([row('E07000901', 'Alphaton', 'Exampleshire')], load(1));
      const first = await store.referenceAreas.revision();
      expect(first).not.toBe(empty);
      expect(await source.reload()).toBe(true);
      expect(source.live.areas.forceOf('E07000901')?.code).toBe('E23000099');
      expect(await source.reload()).toBe(false);

      // A correction of an area already loaded moves it too.
      await store.referenceAreas.insert([row('E07000901', 'Alphaton Vale')], load(2));
      expect(await store.referenceAreas.revision()).not.toBe(first);
      expect(await source.reload()).toBe(true);
      expect(source.live.areas.get('E07000901').name).toBe('Alphaton Vale');
    });
  });
});

describe.each(clickhouseEngines)('ReferenceCategoriesRepository (%s)', (engine) => {
  it('keeps the latest row of each loaded category, which loadReference adds to the taxonomy', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const store = createStore(db.client, db.database);
      const flagged = {
        code: 'domestic-abuse-flagged',
        label: 'Domestic abuse flagged crime',
        parent: 'total-recorded-crime',
      };
      const injury = {
        code: 'domestic-abuse-injury',
        label: 'Domestic abuse with injury',
        parent: 'domestic-abuse-flagged',
      };
      await store.referenceCategories.insert([injury, flagged], load(1));
      await store.referenceCategories.insert([flagged], load(2));
      expect(await store.referenceCategories.all()).toEqual([injury, flagged]);

      const reference = await loadReference(store);
      expect(reference.areas).toBe(defaultReference.areas);
      expect(reference.categories.get('domestic-abuse-injury')).toMatchObject({
        source: 'force',
        parent: 'domestic-abuse-flagged',
      });
      expect(reference.categories.all()).toHaveLength(defaultReference.categories.all().length + 2);
    });
  });
});
