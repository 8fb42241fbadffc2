import type { ReferenceAreaRow, ReferenceCategoryRow } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { ReferenceSource, type ReferenceStore } from './reference-source.ts';

const area = (areaCode: string, areaName: string): ReferenceAreaRow => ({
  areaCode,
  areaName,
  forceCode: 'E23000099',
  forceName: 'Exampleshire',
  policeUkName: 'Exampleshire Police',
});

/** The loaded areas as a store holds them, counting the queries a source makes. */
class FakeReferenceStore implements ReferenceStore {
  rows: ReferenceAreaRow[] = [];
  revisionReads = 0;
  rowReads = 0;
  failing = false;
  /** Holds the next revision read until released, to overlap checks. */
  hold: Promise<void> | undefined;

  readonly referenceAreas = {
    revision: async (): Promise<string> => {
      this.revisionReads++;
      const revision = `${this.rows.length}`;
      await this.hold;
      if (this.failing) throw new Error('store unavailable');
      return revision;
    },
    all: async (): Promise<ReferenceAreaRow[]> => {
      this.rowReads++;
      return [...this.rows];
    },
  };

  categories: ReferenceCategoryRow[] = [];
  readonly referenceCategories = {
    revision: async (): Promise<string> => `${this.categories.length}`,
    all: async (): Promise<ReferenceCategoryRow[]> => [...this.categories],
  };
}

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('ReferenceSource', () => {
  it('starts from the store and reads the areas again only when the revision moved', async () => {
    const store = new FakeReferenceStore();
    store.rows = [area('E07000901', 'Alphaton')];
    const source = await ReferenceSource.open(store);
    expect(source.current().areas.byCode('E07000901')?.name).toBe('Alphaton');
    expect(await source.reload()).toBe(false);
    expect(store.rowReads).toBe(1);

    store.rows.push(area('E07000902', 'Betaby'));
    expect(await source.reload()).toBe(true);
    expect(store.rowReads).toBe(2);
    expect(source.current().areas.byCode('E07000902')?.name).toBe('Betaby');
  });

  it("keeps the live reference's areas current for components built before a load", async () => {
    const store = new FakeReferenceStore();
    const source = await ReferenceSource.open(store);
    const { areas } = source.live;
    expect(areas.forceByPoliceUkName('Exampleshire Police')).toBeUndefined();
    store.rows = [area('E07000901', 'Alphaton')];
    await source.reload();
    expect(areas.forceByPoliceUkName('Exampleshire Police')?.code).toBe('E23000099');
  });

  it("keeps the live reference's categories current: a force's own category loaded later", async () => {
    const store = new FakeReferenceStore();
    const source = await ReferenceSource.open(store);
    const { categories } = source.live;
    expect(categories.byCode('domestic-abuse-flagged')).toBeUndefined();
    store.categories = [
      {
        code: 'domestic-abuse-flagged',
        label: 'Domestic abuse flagged crime',
        parent: 'total-recorded-crime',
      },
    ];
    expect(await source.reload()).toBe(true);
    expect(categories.byCode('domestic-abuse-flagged')?.source).toBe('force');
  });

  it('refresh checks at most every checkEveryMs; reload checks now', async () => {
    const time = clock();
    const store = new FakeReferenceStore();
    const source = await ReferenceSource.open(store, { checkEveryMs: 1000, clock: time.now });
    store.rows = [area('E07000901', 'Alphaton')];
    time.advance(999);
    expect(await source.refresh()).toBe(false);
    expect(store.revisionReads).toBe(1);
    time.advance(1);
    expect(await source.refresh()).toBe(true);
    expect(store.revisionReads).toBe(2);

    store.rows.push(area('E07000902', 'Betaby'));
    expect(await source.refresh()).toBe(false);
    expect(await source.reload()).toBe(true);
    expect(store.revisionReads).toBe(3);
  });

  it('shares a check under way among refreshes, and reload checks again after it', async () => {
    const time = clock();
    const store = new FakeReferenceStore();
    const source = new ReferenceSource(store, { clock: time.now });
    let release!: () => void;
    store.hold = new Promise((resolve) => (release = resolve));
    const first = source.refresh();
    const second = source.refresh();
    // A load stored while the first check is under way, before the reload is asked for.
    store.rows = [area('E07000901', 'Alphaton')];
    const reloaded = source.reload();
    store.hold = undefined;
    release();
    // The first check read the revision before the load: the reload checks again, and sees it.
    await Promise.all([first, second]);
    expect(await reloaded).toBe(true);
    expect(store.revisionReads).toBe(2);
    expect(source.current().areas.byCode('E07000901')).toBeDefined();
  });

  it('throws when the store fails, keeping the reference it holds', async () => {
    const store = new FakeReferenceStore();
    store.rows = [area('E07000901', 'Alphaton')];
    const source = await ReferenceSource.open(store);
    store.failing = true;
    store.rows.push(area('E07000902', 'Betaby'));
    await expect(source.reload()).rejects.toThrow('store unavailable');
    expect(source.current().areas.byCode('E07000901')).toBeDefined();
    store.failing = false;
    expect(await source.reload()).toBe(true);
  });
});
