import { clickhouseEngines } from '@crimestats/store/testing';
import { planFigureRows, recordsOf } from '@crimestats/reporting/testing';
import { Registry } from 'prom-client';
import { describe, expect, inject, it } from 'vitest';
import {
  bearer,
  buildTestApp,
  LOADED_AT,
  seedPlanDatabase,
  TOKENS,
} from './testing/reporting-fixture.ts';

const analyst = bearer(TOKENS.analyst);

describe.each(clickhouseEngines)('any window over HTTP (%s)', (engine) => {
  it('answers a window the aggregator does not keep from the records, cached until data changes', async () => {
    // The store keeps 12-month figures only.
    const { db, store } = await seedPlanDatabase(engine, inject('clickhouseUrl'));
    const metrics = new Registry();
    const app = await buildTestApp(db, { metrics });
    try {
      const url = '/v1/comparisons?category=total-recorded-crime&period=2025-12&months=6';
      const first = await app.inject({ url, headers: analyst });
      expect(first.statusCode).toBe(200);
      const answer = first.json();
      expect(answer.period).toEqual({ start: '2025-07', end: '2025-12', months: 6 });
      expect(answer.basis).toEqual({
        latestMonth: '2025-12',
        loadedAt: LOADED_AT.toISOString(),
        complete: true,
      });
      const expected = planFigureRows('total-recorded-crime', '2025-12', 6);
      expect(answer.rows).toHaveLength(expected.length);
      for (const row of answer.rows) {
        const figure = expected.find((one) => one.areaCode === row.area.code);
        expect([row.volume, row.previousVolume, row.rank]).toEqual([
          figure?.volume,
          figure?.previousVolume,
          figure?.rank,
        ]);
        expect(row.ratePer1000).toBeCloseTo(figure?.ratePer1000 ?? Number.NaN, 9);
      }
      expect((await app.inject({ url, headers: analyst })).body).toBe(first.body);

      // A corrected file for December: the on-demand answer is read again, not served stale.
      const southDerbyshire = expected.find((one) => one.areaCode === 'E07000039')!;
      const loadedAt = new Date('2026-02-01T08:00:00Z');
      const correction = recordsOf(
        [{ areaCode: 'E07000039', category: 'total-recorded-crime', month: '2025-12', count: 0 }],
        { loadedAt },
      );
      await store.monthlyRecords.insert(correction);
      await store.loads.record({
        batchId: correction[0]!.batchId,
        sourceKind: 'monthly-counts',
        sourceFile: 'correction.csv',
        latestMonth: '2025-12',
        rows: 1,
        records: 1,
        loadedAt,
      });
      const after = (await app.inject({ url, headers: analyst })).json();
      const corrected = after.rows.find(
        (row: { area: { code: string } }) => row.area.code === 'E07000039',
      );
      expect(corrected.volume).toBeLessThan(southDerbyshire.volume);
      expect(after.basis.loadedAt).toBe(loadedAt.toISOString());

      const text = await metrics.metrics();
      expect(text).toContain(
        'crimestats_reporting_answers_total{answer="comparison",outcome="hit"} 1',
      );
      expect(text).toContain(
        'crimestats_reporting_answers_total{answer="comparison",outcome="miss"} 2',
      );
    } finally {
      await app.close();
      await db.cleanup();
    }
  });

  it("answers an area's changes and trend for any window", async () => {
    const { db } = await seedPlanDatabase(engine, inject('clickhouseUrl'));
    const app = await buildTestApp(db);
    try {
      const changes = await app.inject({
        url: '/v1/areas/E07000039/changes?period=2025-12&months=3',
        headers: analyst,
      });
      expect(changes.statusCode).toBe(200);
      expect(
        changes
          .json()
          .rows.map((row: { category: { code: string } }) => row.category.code)
          .sort(),
      ).toEqual([
        'anti-social-behaviour',
        'burglary-business-and-community',
        'theft-of-a-motor-vehicle',
        // Derived from theft of a motor vehicle, the only one of their children the plan gives.
        'theft-offences',
        'total-recorded-crime',
        'vehicle-crime',
        'vehicle-offences',
      ]);
      const trend = await app.inject({
        url: '/v1/areas/E07000039/trend?category=total-recorded-crime&from=2024-01&to=2025-12&months=24',
        headers: analyst,
      });
      const lines = trend.json().lines as Array<{ points: Array<{ volume: number | null }> }>;
      expect(
        lines.map((line) => line.points.filter((point) => point.volume !== null).length),
      ).toEqual([24, 24, 24]);
    } finally {
      await app.close();
      await db.cleanup();
    }
  });
});
