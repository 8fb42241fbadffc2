import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MonthlyRecord } from '@crimestats/contracts';
import { defaultAreas } from '@crimestats/domain';
import type { ComparisonResponse } from '@crimestats/reporting';
import { openSingleMachine, type SingleMachine } from '@crimestats/single-machine';
import { cspCodesOf } from '@crimestats/stats';
import { loadReference } from '@crimestats/store';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  buildTestApp,
  TOKENS,
} from '../../../../../packages/reporting-http/src/testing/reporting-fixture.ts';

// Issue 14, force=all: with Derbyshire and a second force loaded, the national table ranks the
// CSP areas of both together from each force's own figures, then each force's row; the default
// answer (the deployment's force) is what it was before the second force came in.

const DERBYSHIRE = 'E23000018';
const FORCE = 'E23000099';
const force = { forceCode: FORCE, forceName: 'Exampleshire', policeUkName: 'Exampleshire Police' };
const DERBYSHIRE_CSPS = cspCodesOf(defaultAreas, DERBYSHIRE);
const home = mkdtempSync(join(tmpdir(), 'crimestats-national-api-'));
const logger = pino({ level: 'silent' });

const record = (areaCode: string, month: string, count: number, batch: object): MonthlyRecord =>
  ({
    areaCode,
    category: 'drugs',
    month,
    months: 1,
    count,
    source: { kind: 'monthly-counts', file: 'c.csv' },
    ...batch,
  }) as MonthlyRecord;

type Row = ComparisonResponse['rows'][number];

describe('GET /v1/comparisons?force=all', () => {
  let pipeline: SingleMachine;
  /** The default answers' rows (the 12-month window is stored, the 2-month one computed). */
  const before = new Map<number, Row[]>();

  const ask = async (url: string) => {
    const reference = { ...(await loadReference(pipeline.store)), forceCode: DERBYSHIRE };
    const app = await buildTestApp(pipeline, { reference });
    try {
      return await app.inject({ url, headers: bearer(TOKENS.analyst) });
    } finally {
      await app.close();
    }
  };
  const compare = async (months: number, forceParam = '') => {
    const answer = await ask(
      `/v1/comparisons?category=drugs&period=2025-02&months=${months}${forceParam}`,
    );
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json() as ComparisonResponse;
  };

  beforeAll(async () => {
    const first = await openSingleMachine({
      home,
      database: 'crimestats',
      forceCode: DERBYSHIRE,
      logger,
    });
    await first.store.referenceAreas.insert(
      [
        { areaCode: 'E07000901', areaName: 'Alphaton', ...force },
        { areaCode: 'E07000902', areaName: 'Betaby', ...force },
      ],
      { file: 'ref.csv', revision: 1, batchId: randomUUID() },
    );
    await first.close();
    pipeline = await openSingleMachine({
      home,
      database: 'crimestats',
      forceCode: DERBYSHIRE,
      logger,
    });
    const derbyshire = { revision: Date.now(), batchId: randomUUID() };
    await pipeline.ingestSink.publishRecords(
      ['2025-01', '2025-02'].flatMap((month) =>
        DERBYSHIRE_CSPS.map((code, i) => record(code, month, 10 + 5 * i, derbyshire)),
      ),
    );
    for (const months of [12, 2]) before.set(months, (await compare(months)).rows);

    const exampleshire = { revision: Date.now() + 1, batchId: randomUUID() };
    await pipeline.ingestSink.publishPopulations(
      [
        ['E07000901', 100_000],
        ['E07000902', 20_000],
      ].map(([areaCode, population]) => ({
        areaCode: areaCode as string,
        year: 2025,
        population: population as number,
        source: { file: 'p.csv' },
        ...exampleshire,
      })),
    );
    // Alphaton's rate is below every Derbyshire area's, Betaby's above: the table interleaves.
    await pipeline.ingestSink.publishRecords(
      ['2025-01', '2025-02'].flatMap((month) => [
        record('E07000901', month, 3, exampleshire),
        record('E07000902', month, 200, exampleshire),
      ]),
    );
  }, 180_000);
  afterAll(async () => {
    await pipeline?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it.each([12, 2])(
    "ranks both forces' CSP areas together from each force's figures, then the force rows (%i months)",
    async (months) => {
      const national = await compare(months, '&force=all');
      const own = [
        ...(await compare(months)).rows,
        ...(await compare(months, `&force=${FORCE}`)).rows,
      ];
      const csps = national.rows.filter((row) => row.area.kind === 'csp');
      expect(csps.map((row) => row.area.code).sort()).toEqual(
        [...DERBYSHIRE_CSPS, 'E07000901', 'E07000902'].sort(),
      );
      // Ranked by rate, highest first, on rates as printed (2 decimals): equal ones share a rank.
      const printed = csps.map((row) => Math.round((row.ratePer1000 ?? 0) * 100));
      expect(csps.map((row) => row.rank)).toEqual(
        printed.map((rate) => 1 + printed.filter((other) => other > rate).length),
      );
      expect(printed).toEqual([...printed].sort((a, b) => b - a));
      expect(csps[0]?.area.code).toBe('E07000902');
      expect(csps.at(-1)?.area.code).toBe('E07000901');
      // The figures are each force's own, only the rank is the national one.
      for (const row of national.rows) {
        const { rank: _national, force: owner, ...figures } = row;
        const { rank: _own, ...ownFigures } = own.find((o) => o.area.code === row.area.code)!;
        expect(figures).toEqual(ownFigures);
        expect(owner?.code).toBe(
          row.area.code.startsWith('E0700090') || row.area.code === FORCE ? FORCE : DERBYSHIRE,
        );
      }
      // Then each force's row by name (no county rows).
      expect(national.rows.slice(csps.length).map((row) => [row.area.code, row.area.kind])).toEqual(
        [
          [FORCE, 'force'],
          [DERBYSHIRE, 'force'],
        ],
      );
      expect(national.rows).toHaveLength(13);
    },
    120_000,
  );

  it.each([12, 2])(
    'leaves the default answer as it was (%i months)',
    async (months) => {
      const after = await compare(months);
      expect(after.rows).toEqual(before.get(months));
      expect(after.rows.map((row) => row.area.code)).toEqual(
        expect.arrayContaining([...DERBYSHIRE_CSPS, 'E10000007', DERBYSHIRE]),
      );
      expect(after.rows).toHaveLength(11);
    },
    120_000,
  );

  it('gives the national table as CSV, and an area report with all as its own force', async () => {
    const csv = await ask(
      '/v1/comparisons?category=drugs&period=2025-02&months=2&force=all&format=csv',
    );
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\n');
    expect(lines).toHaveLength(1 + 13);
    expect(lines[1]).toContain('E07000902');

    const changes = await ask('/v1/areas/E07000901/changes?period=2025-02&months=2&force=all');
    expect(changes.statusCode).toBe(200);
    const own = await ask(`/v1/areas/E07000901/changes?period=2025-02&months=2&force=${FORCE}`);
    expect((changes.json() as { rows: unknown[] }).rows).toEqual(
      (own.json() as { rows: unknown[] }).rows,
    );
    expect((changes.json() as { rows: unknown[] }).rows.length).toBeGreaterThan(0);

    const refused = await ask('/v1/comparisons?category=drugs&period=2025-02&force=everywhere');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('or all');
  }, 120_000);

  it("builds another force's Board pack; refuses force=all there", async () => {
    const pack = await ask(`/v1/packs?period=2025-02&months=2&force=${FORCE}`);
    expect(pack.statusCode).toBe(200);
    expect(pack.headers['content-type']).toContain('spreadsheetml');
    const all = await ask('/v1/packs?period=2025-02&force=all');
    expect(all.statusCode).toBe(400);
  }, 120_000);
});
