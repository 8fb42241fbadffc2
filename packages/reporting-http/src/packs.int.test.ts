import { PLAN_CATEGORIES, cspAreas } from '@crimestats/domain';
import {
  AreaChangesAnswerSchema,
  BOARD_PACK_MEDIA_TYPE,
  ComparisonResponseSchema,
  biggestIncreases,
} from '@crimestats/reporting';
import {
  comparisonHeader,
  expectedComparisonCells,
  expectedIncreaseCells,
  packTable,
  readPackWorkbook,
} from '@crimestats/reporting/testing';
import type { TestDatabase } from '@crimestats/store/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ReportingApp } from './app.ts';
import { bearer, buildTestApp, seedPlanDatabase, TOKENS } from './testing/reporting-fixture.ts';

const analyst = bearer(TOKENS.analyst);

describe('GET /v1/packs on the real store (server)', () => {
  let db: TestDatabase;
  let app: ReportingApp;

  beforeAll(async () => {
    ({ db } = await seedPlanDatabase('server', inject('clickhouseUrl')));
    app = await buildTestApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  const get = (url: string, headers: Record<string, string> = analyst) =>
    app.inject({ method: 'GET', url, headers });

  it('answers the workbook as a download named for the period, with the basis headers', async () => {
    const res = await get('/v1/packs?period=2025-12');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(BOARD_PACK_MEDIA_TYPE);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="board-pack-2025-12-12m.xlsx"',
    );
    expect(res.headers['crimestats-latest-month']).toBe('2025-12');
    expect(res.headers['crimestats-loaded-at']).toBe('2026-01-15T09:30:00.000Z');
    expect(res.headers['crimestats-message']).toBeUndefined();
    const book = await readPackWorkbook(res.rawPayload);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      'Contents',
      ...PLAN_CATEGORIES.map((category) => category.shortTitle),
      'Area changes',
      'Notes',
    ]);
  });

  it('holds the comparison API answer of every plan category, cell by cell, unrounded', async () => {
    for (const months of [12, 7]) {
      const res = await get(`/v1/packs?period=2025-12&months=${months}`);
      expect(res.headers['content-disposition']).toContain(`board-pack-2025-12-${months}m.xlsx`);
      const book = await readPackWorkbook(res.rawPayload);
      for (const category of PLAN_CATEGORIES) {
        const answer = ComparisonResponseSchema.parse(
          (
            await get(`/v1/comparisons?category=${category.code}&period=2025-12&months=${months}`)
          ).json(),
        );
        expect(answer.rows).toHaveLength(11);
        const table = packTable(book.getWorksheet(category.shortTitle)!, 10);
        expect(table.frozenRows).toBe(5);
        expect(table.header).toEqual(comparisonHeader(months));
        expect(table.rows).toEqual(expectedComparisonCells(answer.rows));
      }
    }
  });

  it("lists every CSP area's biggest increases as the changes API gives them", async () => {
    const book = await readPackWorkbook((await get('/v1/packs?period=2025-12')).rawPayload);
    const expected = [];
    for (const area of cspAreas()) {
      const answer = AreaChangesAnswerSchema.parse(
        (await get(`/v1/areas/${area.code}/changes?period=2025-12`)).json(),
      );
      expected.push(
        ...biggestIncreases(answer).map((row) => expectedIncreaseCells(area.name, row)),
      );
    }
    const table = packTable(book.getWorksheet('Area changes')!, 10);
    expect(table.rows.filter((row) => row[2] !== null)).toEqual(expected);
    expect(expected.length).toBeGreaterThan(9);
  });

  it("lets every role read it; a district's pack lists only its own area's changes", async () => {
    expect((await get('/v1/packs?period=2025-12', bearer(TOKENS.board))).statusCode).toBe(200);
    const res = await get('/v1/packs?period=2025-12', bearer(TOKENS.southDerbyshire));
    expect(res.statusCode).toBe(200);
    const book = await readPackWorkbook(res.rawPayload);
    expect(packTable(book.getWorksheet('Total crime')!, 10).rows).toHaveLength(11);
    const areas = packTable(book.getWorksheet('Area changes')!, 10).rows.map((row) => row[0]);
    expect(new Set(areas.map((cell) => JSON.stringify(cell)))).toEqual(
      new Set([JSON.stringify({ text: 'South Derbyshire' })]),
    );
  });

  it('builds a pack with empty tables, saying why, for a period with no figures', async () => {
    const res = await get('/v1/packs?period=2027-06');
    expect(res.statusCode).toBe(200);
    expect(res.headers['crimestats-message']).toMatch(
      /^no figures for total-recorded-crime over the 12 months ending 2027-06: .*2024-01 to 2025-12/,
    );
    expect(res.headers['crimestats-latest-month']).toBe('2025-12');
    const book = await readPackWorkbook(res.rawPayload);
    for (const category of PLAN_CATEGORIES) {
      expect(packTable(book.getWorksheet(category.shortTitle)!, 10).rows).toEqual([]);
    }
  });

  it('refuses bad parameters with 400 naming them, and a missing token with 401', async () => {
    const cases: Array<[string, string, string]> = [
      ['', 'period', 'period: is required'],
      ['period=1909-11', 'period', 'period:'],
      ['period=2200-01', 'period', 'period:'],
      [
        'period=2025-12&months=61',
        'months',
        'months: expected a whole number of months from 1 to 60',
      ],
      ['period=2025-12&months=0', 'months', 'months:'],
      ['period=2025-12&period=2025-11', 'period', 'period: expected one value'],
      [
        'period=2025-12&format=csv',
        'format',
        'unknown parameter "format"; allowed: period, months',
      ],
    ];
    for (const [query, parameter, message] of cases) {
      const res = await get(`/v1/packs?${query}`);
      expect({ query, status: res.statusCode }).toEqual({ query, status: 400 });
      expect(res.json().error).toContain(message);
      expect(res.json().parameter).toBe(parameter);
    }
    for (const period of ['1909-12', '2199-12']) {
      expect((await get(`/v1/packs?period=${period}&months=60`)).statusCode).toBe(200);
    }
    const anonymous = await get('/v1/packs?period=2025-12', {});
    expect(anonymous.statusCode).toBe(401);
  });

  it('is in the OpenAPI document, answering the workbook type', async () => {
    const openapi = (await get('/openapi.json', {})).json();
    const packs = openapi.paths['/v1/packs'].get;
    expect(packs.security).toEqual([{ bearerAuth: [] }]);
    expect(packs.parameters.map((p: { name: string }) => p.name)).toEqual([
      'period',
      'months',
      'force',
    ]);
    expect(Object.keys(packs.responses['200'].content)).toEqual([BOARD_PACK_MEDIA_TYPE]);
  });
});
