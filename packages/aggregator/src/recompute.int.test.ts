import {
  clickhouseEngines,
  createTestDatabase,
  type TestDatabase,
} from '@crimestats/store/testing';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import pino from 'pino';
import type { FiguresUpdated, MonthlyRecord } from '@crimestats/contracts';
import { AreaRegistry, defaultReference, parseMonth } from '@crimestats/domain';
import { compareAreas } from '@crimestats/stats';
import { buildPlanMonthlyCounts } from '@crimestats/stats/testing';
import { createStore, migrate, type Store } from '@crimestats/store';
import { recomputeChunks } from './recompute.ts';
import { RecordProcessor } from './record-processor.ts';
import type { AggregatorReference } from './reference.ts';
import { comparable } from './testing/comparable.ts';
import { planRecords } from './testing/plan-records.ts';

const logger = pino({ level: 'silent' });
const DERBYSHIRE = 'E23000018';
const OTHER = 'E23000099';
const OTHER_CSPS = ['E07000901', 'E07000902', 'E07000903'];
/** Small enough that every bound splits the work: many chunks, groups and force batches. */
const tiny = { chunkRows: 100, existingRows: 2_000, records: 3_000 };

/** Derbyshire plus a second, made-up force of three CSP areas. */
const twoForces: AggregatorReference = {
  areas: AreaRegistry.fromRows([
    ...defaultReference.areas.all(),
    ...OTHER_CSPS.map((code, i) => ({ code, name: `Other ${i + 1}`, kind: 'csp' })),
    {
      code: OTHER,
      name: 'Other force area',
      kind: 'force',
      members: OTHER_CSPS,
      policeForce: { name: 'Other Police', policeUkName: 'Other Police' },
    },
  ]),
  categories: defaultReference.categories,
  populations: defaultReference.populations.withRows(
    OTHER_CSPS.map((areaCode, i) => ({ areaCode, year: 2025, population: 50_000 * (i + 1) })),
  ),
  forceCode: DERBYSHIRE,
};

/** The plan's counts again for the other force's areas, scaled so its ranks differ. */
function otherForceRecords(): MonthlyRecord[] {
  const batchId = randomUUID();
  const sources = ['E07000032', 'E07000036', 'E06000015'];
  return buildPlanMonthlyCounts()
    .filter((c) => sources.includes(c.areaCode))
    .map((c) => ({
      areaCode: OTHER_CSPS[sources.indexOf(c.areaCode)]!,
      category: c.category,
      month: c.month,
      months: 1,
      count: Math.round(c.count / (sources.indexOf(c.areaCode) + 1)),
      source: { kind: 'monthly-counts', file: 'other.csv' },
      revision: Date.UTC(2026, 0, 15),
      batchId,
    }));
}

const allFigures = async (store: Store) =>
  comparable(
    await store.figures.readRange({
      categories: defaultReference.categories.all().map((c) => c.code),
      months: 12,
      fromEnd: '2000-01',
      toEnd: '2100-12',
    }),
  );

describe.each(clickhouseEngines)('bounded recompute (%s)', (engine) => {
  const dbs: TestDatabase[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.cleanup();
  });

  async function freshStore(): Promise<Store> {
    const db = await createTestDatabase(engine, inject('clickhouseUrl'));
    dbs.push(db);
    await migrate(db.client, db.database);
    return createStore(db.client, db.database);
  }

  function processor(store: Store, reference: AggregatorReference, published: FiguresUpdated[][]) {
    return new RecordProcessor({
      store,
      reference,
      windows: [12],
      updates: { publish: async (u) => void published.push(u) },
      logger,
    });
  }

  it('stores the same figures in small chunks as in one, and tells changes chunk by chunk', async () => {
    const whole = await freshStore();
    await processor(whole, twoForces, []).processRecords(planRecords());

    const chunked = await freshStore();
    await chunked.monthlyRecords.insert(planRecords());
    const published: FiguresUpdated[][] = [];
    const first = await processor(chunked, twoForces, published).recomputeAll({ limits: tiny });
    expect(published.length).toBeGreaterThan(1);
    expect(first.updates).toBe(first.figures);
    expect(await allFigures(chunked)).toEqual(await allFigures(whole));

    published.length = 0;
    const again = await processor(chunked, twoForces, published).recomputeAll({ limits: tiny });
    // Nothing changed: the same rows are written again with the same version, and nothing is
    // announced.
    expect([again.figures, again.updates]).toEqual([first.figures, 0]);
    expect(published.flat()).toEqual([]);
    expect(await allFigures(chunked)).toEqual(await allFigures(whole));

    const [june] = planRecords(
      buildPlanMonthlyCounts().filter(
        (c) =>
          c.areaCode === 'E07000039' &&
          c.category === 'theft-of-a-motor-vehicle' &&
          c.month === '2025-06',
      ),
      Date.UTC(2026, 1, 1),
    );
    await chunked.monthlyRecords.insert([{ ...june!, count: june!.count + 7 }]);
    const changed = await processor(chunked, twoForces, published).recomputeAll({ limits: tiny });
    const notices = published.flat();
    expect(notices).toHaveLength(changed.updates);
    const south = notices.find(
      (u) =>
        u.areaCode === 'E07000039' &&
        u.category === 'theft-of-a-motor-vehicle' &&
        u.periodEnd === '2025-12',
    );
    expect(south?.changed).toContain('volume');
    expect(south!.after.volume - south!.before!.volume).toBe(7);
    // The parents derived from it move with it (from it alone, so incomplete); the total is
    // supplied, so it does not.
    expect(new Set(notices.map((u) => u.category))).toEqual(
      new Set(['theft-of-a-motor-vehicle', 'vehicle-offences', 'vehicle-crime', 'theft-offences']),
    );
  });

  it('keeps figures from more data over ones from less stored later, whatever the clocks', async () => {
    const store = await freshStore();
    await processor(store, twoForces, []).processRecords(planRecords());
    const scope = {
      categories: ['theft-of-a-motor-vehicle'],
      periodEnds: new Map([[12, [parseMonth('2025-12')]]]),
    };
    // An instance whose clock runs a century ahead reads the data before the correction...
    const stale = [];
    for await (const chunk of recomputeChunks(store, twoForces, scope, new Date('2100-01-01'))) {
      stale.push(...chunk.rows);
    }
    const [june] = planRecords(
      buildPlanMonthlyCounts().filter(
        (c) =>
          c.areaCode === 'E07000039' &&
          c.category === 'theft-of-a-motor-vehicle' &&
          c.month === '2025-06',
      ),
      Date.UTC(2026, 1, 1),
    );
    await processor(store, twoForces, []).processRecords([{ ...june!, count: june!.count + 7 }]);
    const query = { category: 'theft-of-a-motor-vehicle', months: 12, periodEnd: '2025-12' };
    const corrected = await store.figures.read(query);
    // ...and stores what it computed after the figures of the corrected data were stored.
    await store.figures.upsert(stale);
    const south = (rows: { areaCode: string; volume: number }[]) =>
      rows.find((row) => row.areaCode === 'E07000039')!.volume;
    expect(south(corrected) - south(stale)).toBe(7);
    expect(comparable(await store.figures.read(query))).toEqual(comparable(corrected));
  });

  it('rewrites a stored significance the method no longer gives, with no notice', async () => {
    const store = await freshStore();
    await processor(store, twoForces, []).processRecords(planRecords());
    // June 2025's previous window starts before the data: incomplete, so never tested.
    const query = { category: 'total-recorded-crime', months: 12, periodEnd: '2025-06' };
    const south = (await store.figures.read(query)).find((f) => f.areaCode === 'E07000039')!;
    expect(south).toMatchObject({ complete: false, zScore: null, significant: null });
    // As an older method stored it, from the same data: so with the same version.
    await store.figures.upsert([{ ...south, zScore: 5, significant: true }]);

    const published: FiguresUpdated[][] = [];
    await processor(store, twoForces, published).recomputeAll();
    const rewritten = (await store.figures.read(query)).find((f) => f.areaCode === 'E07000039');
    expect(rewritten).toMatchObject({ zScore: null, significant: null });
    expect(published.flat()).toEqual([]);
  });

  it('recomputes several forces at once, each compared within itself', async () => {
    const records = [...planRecords(), ...otherForceRecords()];
    const oneByOne = await freshStore();
    await oneByOne.monthlyRecords.insert(records);
    for (const forceCode of [DERBYSHIRE, OTHER]) {
      await processor(oneByOne, { ...twoForces, forceCode }, []).recomputeAll();
    }

    const together = await freshStore();
    await together.monthlyRecords.insert(records);
    await processor(together, twoForces, []).recomputeAll({
      forceCodes: [DERBYSHIRE, OTHER],
      limits: tiny,
    });
    const stored = await allFigures(together);
    expect(stored).toEqual(await allFigures(oneByOne));

    const expected = compareAreas({
      counts: records.map((r) => ({ ...r, month: parseMonth(r.month) })),
      category: 'total-recorded-crime',
      end: parseMonth('2025-12'),
      reference: twoForces,
      forceCode: OTHER,
    });
    const other = stored.filter(
      (f) =>
        f.category === 'total-recorded-crime' &&
        f.periodEnd === '2025-12' &&
        [...OTHER_CSPS, OTHER].includes(f.areaCode),
    );
    expect(other.map((f) => [f.areaCode, f.volume, f.rank])).toEqual(
      expected.rows
        .map((row) => [row.area.code, row.volume, row.rank])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });
});
