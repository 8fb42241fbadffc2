import {
  clickhouseEngines,
  createTestDatabase,
  type TestDatabase,
} from '@crimestats/store/testing';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import pino from 'pino';
import { defaultReference, parseMonth } from '@crimestats/domain';
import { compareAreas } from '@crimestats/stats';
import { buildPlanMonthlyCounts } from '@crimestats/stats/testing';
import { createStore, migrate, type Store } from '@crimestats/store';
import type { FiguresUpdated } from '@crimestats/contracts';
import { RecordProcessor } from './record-processor.ts';
import { comparable } from './testing/comparable.ts';
import { planRecords } from './testing/plan-records.ts';

const reference = { ...defaultReference, forceCode: 'E23000018' };
const logger = pino({ level: 'silent' });

describe.each(clickhouseEngines)('record processor (%s)', (engine) => {
  let db: TestDatabase;
  let store: Store;
  let published: FiguresUpdated[];
  let processor: RecordProcessor;
  beforeEach(async () => {
    db = await createTestDatabase(engine, inject('clickhouseUrl'));
    await migrate(db.client, db.database);
    store = createStore(db.client, db.database);
    published = [];
    processor = new RecordProcessor({
      store,
      reference,
      windows: [12],
      updates: { publish: async (u) => void published.push(...u) },
      logger,
    });
  });
  afterEach(async () => db?.cleanup());

  const totalCrime = () =>
    store.figures.read({ category: 'total-recorded-crime', months: 12, periodEnd: '2025-12' });

  it('stores figures equal to the statistics core, and a replay changes none', async () => {
    const records = planRecords();
    await processor.processRecords(records);
    const expected = compareAreas({
      counts: buildPlanMonthlyCounts(),
      category: 'total-recorded-crime',
      end: parseMonth('2025-12'),
      reference: reference,
      forceCode: 'E23000018',
    });
    const stored = await totalCrime();
    expect(stored).toHaveLength(11);
    for (const row of expected.rows) {
      const figure = stored.find((f) => f.areaCode === row.area.code)!;
      expect({
        volume: figure.volume,
        population: figure.population,
        rank: figure.rank,
        previousVolume: figure.previousVolume,
        volumeChange: figure.volumeChange,
        complete: figure.complete,
      }).toEqual({
        volume: row.volume,
        population: row.population,
        rank: row.rank,
        previousVolume: row.previousVolume,
        volumeChange: row.volumeChange,
        complete: row.complete,
      });
      // The 18.16 server's float parser can be one bit off; current engines store the double exactly.
      expect(figure.ratePer1000).toBeCloseTo(row.ratePer1000!, 10);
      expect(figure.percentChange).toBeCloseTo(row.percentChange!, 10);
    }
    const south = stored.find((f) => f.areaCode === 'E07000039')!;
    expect([south.volume, south.previousVolume, south.rank]).toEqual([6267, 6448, 6]);
    expect(published.length).toBeGreaterThan(0);

    const before = comparable(
      await store.figures.readRange({
        categories: ['total-recorded-crime', 'anti-social-behaviour'],
        months: 12,
        fromEnd: '2024-01',
        toEnd: '2025-12',
      }),
    );
    published = [];
    const replay = await processor.processRecords(records);
    const after = comparable(
      await store.figures.readRange({
        categories: ['total-recorded-crime', 'anti-social-behaviour'],
        months: 12,
        fromEnd: '2024-01',
        toEnd: '2025-12',
      }),
    );
    expect(after).toEqual(before);
    expect(replay.updates).toBe(0);
    expect(published).toEqual([]);
  });

  it('lowers the figures when a later revision lowers a count, and says what changed', async () => {
    await processor.processRecords(planRecords());
    const [june] = planRecords(
      buildPlanMonthlyCounts().filter(
        (c) =>
          c.areaCode === 'E07000039' &&
          c.category === 'total-recorded-crime' &&
          c.month === '2025-06',
      ),
      Date.UTC(2026, 1, 1),
    );
    published = [];
    await processor.processRecords([{ ...june!, count: june!.count - 100 }]);
    const south = (await totalCrime()).find((f) => f.areaCode === 'E07000039')!;
    expect(south.volume).toBe(6267 - 100);
    const notice = published.find(
      (u) =>
        u.areaCode === 'E07000039' &&
        u.periodEnd === '2025-12' &&
        u.category === 'total-recorded-crime',
    )!;
    expect(notice.before?.volume).toBe(6267);
    expect(notice.after.volume).toBe(6167);
    expect(notice.changed).toContain('volume');
  });

  it('comes out the same when months arrive out of order', async () => {
    const records = planRecords();
    const months = [...new Set(records.map((r) => r.month))].sort().reverse();
    for (const month of months)
      await processor.processRecords(records.filter((r) => r.month === month));
    const outOfOrder = comparable(await totalCrime());

    const fresh = await createTestDatabase(engine, inject('clickhouseUrl'));
    try {
      await migrate(fresh.client, fresh.database);
      const inOrder = new RecordProcessor({
        store: createStore(fresh.client, fresh.database),
        reference,
        windows: [12],
        updates: { publish: async () => {} },
        logger,
      });
      await inOrder.processRecords(records);
      expect(outOfOrder).toEqual(
        comparable(
          await createStore(fresh.client, fresh.database).figures.read({
            category: 'total-recorded-crime',
            months: 12,
            periodEnd: '2025-12',
          }),
        ),
      );
    } finally {
      await fresh.cleanup();
    }
  });
});
