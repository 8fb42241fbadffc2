import { clickhouseEngines, type TestDatabase } from '@crimestats/store/testing';
import { hashToken, TokenRegistry } from '@crimestats/auth';
import {
  AreaChangesAnswerSchema,
  AreaTrendAnswerSchema,
  ComparisonResponseSchema,
} from '@crimestats/reporting';
import { planFigureRows } from '@crimestats/reporting/testing';
import { openClickHouse, type Store } from '@crimestats/store';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ReportingApp } from './app.ts';
import {
  bearer,
  buildTestApp,
  capturingLogger,
  seedPlanDatabase,
  TOKENS,
} from './testing/reporting-fixture.ts';

const basis = { latestMonth: '2025-12', loadedAt: '2026-01-15T09:30:00.000Z', complete: true };
const analyst = bearer(TOKENS.analyst);

describe('reporting service on the real store (server)', () => {
  let db: TestDatabase;
  let store: Store;
  let app: ReportingApp;
  let metrics: Registry;
  const log = capturingLogger();

  beforeAll(async () => {
    ({ db, store } = await seedPlanDatabase('server', inject('clickhouseUrl')));
    metrics = new Registry();
    app = await buildTestApp(db, { logger: log.logger, metrics });
  });
  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  const get = (url: string, headers: Record<string, string> = analyst) =>
    app.inject({ method: 'GET', url, headers });

  describe('GET /v1/areas and /v1/categories', () => {
    it('lists the reference areas, as JSON and CSV', async () => {
      const json = await get('/v1/areas');
      expect(json.statusCode).toBe(200);
      const { areas } = json.json<{ areas: Array<{ code: string; kind: string }> }>();
      expect(areas).toHaveLength(11);
      expect(areas.filter((area) => area.kind === 'csp')).toHaveLength(9);
      expect(areas.at(-1)).toEqual({
        code: 'E23000018',
        name: 'Force area',
        kind: 'force',
        members: ['E10000007', 'E06000015'],
      });
      const csv = await get('/v1/areas?format=csv');
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.body.split('\n')[0]).toBe('code,name,kind,members');
      expect(csv.body).toContain('\nE23000018,Force area,force,E10000007 E06000015\n');
    });

    it('lists the categories with their parents', async () => {
      const json = await get('/v1/categories');
      expect(json.statusCode).toBe(200);
      expect(json.json().categories).toContainEqual({
        code: 'burglary-business-and-community',
        name: 'Burglary - business and community',
        parent: 'non-domestic-burglary',
        source: 'home-office',
      });
      const csv = await get('/v1/categories', { ...analyst, accept: 'text/csv' });
      expect(csv.body).toContain('\ntotal-recorded-crime,Total recorded crime,,derived\n');
    });
  });

  describe('GET /v1/reference', () => {
    it('gives the loaded reference rows: none beside the reference in code', async () => {
      const res = await get('/v1/reference');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ areas: [], categories: [] });
      // JSON only, and no parameters: a typo is refused, not ignored.
      expect((await get('/v1/reference?format=csv')).statusCode).toBe(400);
    });
  });

  describe('GET /v1/comparisons', () => {
    it("gives the contract's answer with the load it rests on", async () => {
      const res = await get('/v1/comparisons?category=total-recorded-crime&period=2025-12');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const answer = ComparisonResponseSchema.parse(res.json());
      expect(Object.keys(res.json())).toEqual(['category', 'period', 'rows', 'basis']);
      expect(answer.category).toEqual({
        code: 'total-recorded-crime',
        name: 'Total recorded crime',
      });
      expect(answer.period).toEqual({ start: '2025-01', end: '2025-12', months: 12 });
      expect(answer.rows.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, null, null]);
      expect(answer.rows[0]?.area.name).toBe('Derby City');
      expect(answer.basis).toEqual(basis);
      expect(res.headers['crimestats-latest-month']).toBe('2025-12');
      // Unrounded, exactly as stored.
      const stored = planFigureRows().find((row) => row.areaCode === 'E07000039');
      const row = answer.rows.find((r) => r.area.code === 'E07000039');
      expect(row?.ratePer1000).toBe(stored?.ratePer1000);
      expect(Object.keys(res.json().rows[0]).slice(0, 9)).toEqual([
        'area',
        'volume',
        'population',
        'ratePer1000',
        'rank',
        'previousVolume',
        'volumeChange',
        'percentChange',
        'complete',
      ]);
    });

    it('gives CSV rounded as the plan prints, by ?format or Accept', async () => {
      const url = '/v1/comparisons?category=total-recorded-crime&period=2025-12&months=12';
      const byFormat = await get(`${url}&format=csv`);
      const byAccept = await get(url, { ...analyst, accept: 'text/csv, application/json;q=0.5' });
      for (const res of [byFormat, byAccept]) {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
        expect(res.headers['crimestats-loaded-at']).toBe('2026-01-15T09:30:00.000Z');
        expect(res.body).toContain(
          '\nE07000039,South Derbyshire,csp,6267,106654,58.76,6,6448,-181,-2.8,true\n',
        );
      }
      const jsonWins = await get(`${url}&format=json`, { ...analyst, accept: 'text/csv' });
      expect(jsonWins.headers['content-type']).toMatch(/^application\/json/);
    });

    it('answers a period with no figures with no rows and a message, not an error', async () => {
      const res = await get('/v1/comparisons?category=total-recorded-crime&period=2026-03');
      expect(res.statusCode).toBe(200);
      const answer = ComparisonResponseSchema.parse(res.json());
      expect(answer.rows).toEqual([]);
      expect(answer.basis).toEqual({ ...basis, complete: false });
      expect(answer.message).toBe(
        'no figures for total-recorded-crime over the 12 months ending 2026-03: load data with ' +
          '`crimestats ingest` first (figures exist for periods ending 2024-01 to 2025-12)',
      );
      const csv = await get(
        '/v1/comparisons?category=total-recorded-crime&period=2026-03&format=csv',
      );
      expect(csv.body.trim().split('\n')).toHaveLength(1);
      expect(csv.headers['crimestats-message']).toBe(answer.message);
    });

    it('refuses bad parameters with 400 naming them, and unknown categories with 404', async () => {
      const cases: Array<[string, number, string]> = [
        ['period=2025-12', 400, 'category: is required'],
        [
          'category=total-recorded-crime&period=2025-13',
          400,
          'period: expected a month as YYYY-MM',
        ],
        ['category=total-recorded-crime', 400, 'period: is required'],
        [
          'category=total-recorded-crime&period=2025-12&months=0',
          400,
          'months: expected a whole number of months from 1 to 60',
        ],
        ['category=Total&period=2025-12', 400, 'category: expected a category code'],
        [
          'category=total-recorded-crime&period=2025-12&format=xml',
          400,
          'format: expected json or csv',
        ],
        [
          'category=total-recorded-crime&period=2025-12&month=6',
          400,
          'unknown parameter "month"; allowed: category, period, months, format',
        ],
        [
          'category=total-recorded-crime&period=2025-12&period=2025-11',
          400,
          'period: expected one value',
        ],
        [
          'category=no-such-crime&period=2025-12',
          404,
          'unknown category "no-such-crime"; one of: total-recorded-crime',
        ],
      ];
      for (const [query, status, message] of cases) {
        const res = await get(`/v1/comparisons?${query}`);
        expect({ query, status: res.statusCode }).toEqual({ query, status });
        expect(res.json().error).toContain(message);
      }
    });
  });

  describe('GET /v1/areas/{code}/changes', () => {
    it("ranks the area's categories by % change, largest increase first", async () => {
      const res = await get('/v1/areas/E07000039/changes?period=2025-12');
      expect(res.statusCode).toBe(200);
      const answer = AreaChangesAnswerSchema.parse(res.json());
      expect(answer.area).toEqual({ code: 'E07000039', name: 'South Derbyshire', kind: 'csp' });
      expect(answer.period).toEqual({ start: '2025-01', end: '2025-12', months: 12 });
      expect(answer.basis).toEqual(basis);
      expect(answer.rows.map((row) => row.category.code)).toEqual([
        'burglary-business-and-community',
        'theft-of-a-motor-vehicle',
        'total-recorded-crime',
        'anti-social-behaviour',
      ]);
      expect(answer.rows[0]).toMatchObject({
        category: { name: 'Burglary - business and community', parent: 'non-domestic-burglary' },
        volume: 62,
        previousVolume: 35,
        volumeChange: 27,
        significant: true,
        complete: true,
      });
      expect(answer.rows[0]?.percentChange).toBeCloseTo(77.142857, 5);
      expect(answer.rows[0]?.zScore).toBeCloseTo(3.9159, 4);

      const csv = await get('/v1/areas/E07000039/changes?period=2025-12&format=csv');
      expect(csv.body.split('\n')[1]).toBe(
        'burglary-business-and-community,Burglary - business and community,non-domestic-burglary,62,35,27,77.1,3.92,true,' +
          `${csv.body.split('\n')[1]?.split(',')[9]},${answer.rows[0]?.rank},true`,
      );
      expect(csv.body.split('\n')[1]?.split(',')[9]).toMatch(/^\d+\.\d{2}$/);
    });

    it('puts categories without a % change last', async () => {
      const [drugs] = planFigureRows('total-recorded-crime', '2025-12')
        .filter((row) => row.areaCode === 'E07000037')
        .map((row) => ({
          ...row,
          category: 'drugs',
          previousVolume: null,
          volumeChange: null,
          percentChange: null,
          zScore: null,
          significant: null,
          complete: false,
        }));
      await store.figures.upsert(drugs === undefined ? [] : [drugs]);
      const answer = (await get('/v1/areas/E07000037/changes?period=2025-12')).json();
      expect(answer.rows.at(-1)).toMatchObject({
        category: { code: 'drugs' },
        percentChange: null,
      });
      expect(answer.rows).toHaveLength(5);
      expect(answer.basis.complete).toBe(false);
    });

    it('answers a period with no figures with no rows and a message', async () => {
      const res = await get('/v1/areas/E07000039/changes?period=2023-06&months=6');
      expect(res.statusCode).toBe(200);
      // No data reaches 2023; any window of the months loaded has figures, computed on demand.
      expect(res.json()).toMatchObject({
        rows: [],
        basis: { latestMonth: '2025-12', loadedAt: null, complete: false },
        message:
          'no figures for South Derbyshire (E07000039) over the 6 months ending 2023-06: load data ' +
          'with `crimestats ingest` first (figures exist for periods ending 2024-01 to 2025-12)',
      });
    });

    it('refuses malformed codes with 400 and unknown ones with 404', async () => {
      expect((await get('/v1/areas/e07000039/changes?period=2025-12')).statusCode).toBe(400);
      const unknown = await get('/v1/areas/E07999999/changes?period=2025-12');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error).toBe('unknown area "E07999999"; see /v1/areas for the codes');
      expect((await get('/v1/areas/E07000039/changes')).json()).toEqual({
        error: 'period: is required',
        parameter: 'period',
      });
    });
  });

  describe('GET /v1/areas/{code}/trend', () => {
    it('gives one point per period end for the area, the county and the force', async () => {
      const res = await get(
        '/v1/areas/E07000039/trend?category=total-recorded-crime&from=2024-12&to=2025-12',
      );
      expect(res.statusCode).toBe(200);
      const answer = AreaTrendAnswerSchema.parse(res.json());
      expect(answer.range).toEqual({ from: '2024-12', to: '2025-12', months: 12 });
      expect(answer.lines.map((line) => line.area.code)).toEqual([
        'E07000039',
        'E10000007',
        'E23000018',
      ]);
      for (const line of answer.lines) expect(line.points).toHaveLength(13);
      const last = answer.lines[0]?.points.at(-1);
      expect(last).toMatchObject({ periodEnd: '2025-12', volume: 6267, complete: true });
      // The first window has no previous year, so it is not complete.
      expect(answer.lines[0]?.points[0]).toMatchObject({ periodEnd: '2024-12', complete: false });
      expect(answer.basis.complete).toBe(false);

      const csv = await get(
        '/v1/areas/E07000039/trend?category=total-recorded-crime&from=2025-11&to=2025-12&format=csv',
      );
      const lines = csv.body.trim().split('\n');
      expect(lines[0]).toBe(
        'period_end,area_code,area_name,area_kind,volume,rate_per_1000,complete',
      );
      expect(lines).toHaveLength(7);
      expect(lines[4]).toBe('2025-12,E07000039,South Derbyshire,csp,6267,58.76,true');
    });

    it('gives Derby City the county line too, and a rollup the others', async () => {
      const derby = await get(
        '/v1/areas/E06000015/trend?category=anti-social-behaviour&from=2025-12&to=2025-12',
      );
      expect(derby.json().lines.map((line: { area: { code: string } }) => line.area.code)).toEqual([
        'E06000015',
        'E10000007',
        'E23000018',
      ]);
      const county = await get(
        '/v1/areas/E10000007/trend?category=anti-social-behaviour&from=2025-12&to=2025-12',
      );
      expect(county.json().lines.map((line: { area: { code: string } }) => line.area.code)).toEqual(
        ['E10000007', 'E23000018'],
      );
    });

    it('leaves period ends without figures empty, and says so when none has any', async () => {
      const partly = await get(
        '/v1/areas/E07000039/trend?category=total-recorded-crime&from=2025-12&to=2026-01',
      );
      expect(partly.json().lines[0].points).toEqual([
        expect.objectContaining({ periodEnd: '2025-12', volume: 6267 }),
        { periodEnd: '2026-01', volume: null, ratePer1000: null, complete: false },
      ]);
      const none = await get(
        '/v1/areas/E07000039/trend?category=total-recorded-crime&from=2026-01&to=2026-06',
      );
      expect(none.statusCode).toBe(200);
      expect(none.json()).toMatchObject({
        lines: [],
        message: expect.stringContaining('2024-01 to 2025-12'),
      });
    });

    it('refuses a reversed or too long range, naming the parameter', async () => {
      const reversed = await get(
        '/v1/areas/E07000039/trend?category=drugs&from=2025-12&to=2025-01',
      );
      expect(reversed.statusCode).toBe(400);
      expect(reversed.json().parameter).toBe('from');
      const long = await get('/v1/areas/E07000039/trend?category=drugs&from=2000-01&to=2025-01');
      expect(long.statusCode).toBe(400);
      expect(long.json().error).toContain('at most 120 period ends');
      const unknown = await get(
        '/v1/areas/E07000039/trend?category=murder&from=2025-01&to=2025-02',
      );
      expect(unknown.statusCode).toBe(404);
    });
  });

  describe('access', () => {
    const urls = [
      '/v1/areas',
      '/v1/categories',
      '/v1/comparisons?category=total-recorded-crime&period=2025-12',
      '/v1/areas/E07000039/changes?period=2025-12',
      '/v1/areas/E07000039/trend?category=drugs&from=2025-01&to=2025-12',
    ];

    it('answers 401 without a token or with an unknown one, before checking parameters', async () => {
      for (const url of [...urls, '/v1/comparisons?category=%27%3B--']) {
        for (const headers of [
          {},
          bearer('not-a-configured-token'),
          { authorization: TOKENS.board },
        ]) {
          const res = await get(url, headers);
          expect({ url, status: res.statusCode }).toEqual({ url, status: 401 });
          expect(res.headers['www-authenticate']).toBe('Bearer');
        }
      }
    });

    it('lets analysts and the Board read every area', async () => {
      for (const token of [TOKENS.analyst, TOKENS.board]) {
        for (const url of [...urls, '/v1/areas/E06000015/changes?period=2025-12']) {
          expect((await get(url, bearer(token))).statusCode).toBe(200);
        }
      }
    });

    it("lets a CSP read the comparison and its own area, but not another area's", async () => {
      const sd = bearer(TOKENS.southDerbyshire);
      for (const url of urls) expect((await get(url, sd)).statusCode).toBe(200);
      for (const url of [
        '/v1/areas/E06000015/changes?period=2025-12',
        '/v1/areas/E06000015/trend?category=drugs&from=2025-01&to=2025-12',
        '/v1/areas/E10000007/changes?period=2025-12',
      ]) {
        const res = await get(url, sd);
        expect(res.statusCode).toBe(403);
        expect(res.json().error).toMatch(/role csp:E07000039\) may read only its own area/);
      }
      const derby = bearer(TOKENS.derbyCity);
      expect((await get('/v1/areas/E06000015/changes?period=2025-12', derby)).statusCode).toBe(200);
      expect((await get('/v1/areas/E07000039/changes?period=2025-12', derby)).statusCode).toBe(403);
    });

    it('never logs a token, and redacts the authorization header', async () => {
      await get('/v1/areas', bearer(TOKENS.southDerbyshire));
      await get('/v1/areas', bearer('an-unknown-secret'));
      const text = log.lines.join('');
      expect(text.length).toBeGreaterThan(0);
      for (const token of [...Object.values(TOKENS), 'an-unknown-secret']) {
        expect(text).not.toContain(token);
      }
      expect(text).toContain('"principal":"south-derbyshire"');
    });
  });

  describe('probes, metrics and documentation', () => {
    it('answers /healthz and /readyz without a token', async () => {
      expect((await get('/healthz', {})).json()).toEqual({ status: 'ok' });
      expect((await get('/readyz', {})).json()).toEqual({ status: 'ready' });
    });

    it('counts requests by route and status', async () => {
      await get('/v1/areas/E07000039/changes?period=2025-12');
      const text = await (await get('/metrics', {})).body;
      expect(text).toMatch(
        /crimestats_reporting_http_requests_total\{method="GET",route="\/v1\/areas\/:code\/changes",status_code="200"\} \d+/,
      );
      expect(text).toMatch(/crimestats_reporting_http_request_duration_seconds_bucket\{le="0.02"/);
      expect(text).toMatch(
        /crimestats_reporting_answers_total\{answer="comparison",outcome="hit"\}/,
      );
    });

    it('serves the OpenAPI document and its page', async () => {
      const doc = await get('/openapi.json', {});
      expect(doc.statusCode).toBe(200);
      const openapi = doc.json();
      expect(Object.keys(openapi.paths).sort()).toEqual([
        '/v1/areas',
        '/v1/areas/{code}/changes',
        '/v1/areas/{code}/events',
        '/v1/areas/{code}/trend',
        '/v1/categories',
        '/v1/comparisons',
        '/v1/packs',
        '/v1/reference',
        '/v1/whoami',
      ]);
      const comparisons = openapi.paths['/v1/comparisons'].get;
      expect(comparisons.security).toEqual([{ bearerAuth: [] }]);
      expect(comparisons.parameters.map((p: { name: string }) => p.name)).toEqual([
        'category',
        'period',
        'months',
        'format',
        'force',
      ]);
      expect(Object.keys(comparisons.responses['200'].content)).toEqual([
        'application/json',
        'text/csv',
      ]);
      const events = openapi.paths['/v1/areas/{code}/events'].get;
      expect(events.security).toEqual([{ bearerAuth: [] }]);
      expect(
        events.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`),
      ).toEqual(['query:lastEventId', 'path:code', 'header:last-event-id']);
      expect(Object.keys(events.responses['200'].content)).toEqual(['text/event-stream']);
      expect(events.description).toContain('Last-Event-ID');
      const page = await get('/docs/', {});
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
    });
  });
});

describe.each(clickhouseEngines)('answers and their cache on each engine (%s)', (engine) => {
  it('answers from the figures, and sees new figures once the store has them', async () => {
    const { db, store } = await seedPlanDatabase(engine, inject('clickhouseUrl'));
    const metrics = new Registry();
    const app = await buildTestApp(db, { metrics });
    try {
      const url = '/v1/comparisons?category=anti-social-behaviour&period=2025-12';
      const first = await app.inject({ url, headers: analyst });
      expect(first.statusCode).toBe(200);
      expect(first.json().rows).toHaveLength(11);
      expect((await app.inject({ url, headers: analyst })).body).toBe(first.body);

      const recomputed = planFigureRows('anti-social-behaviour', '2025-12').map((row) => ({
        ...row,
        volume: row.volume + 1,
        version: 2n,
      }));
      await store.figures.upsert(recomputed);
      const after = await app.inject({ url, headers: analyst });
      expect(after.json().rows[0].volume).toBe(
        recomputed.find((row) => row.areaCode === after.json().rows[0].area.code)?.volume,
      );
      const changes = await app.inject({
        url: '/v1/areas/E07000039/changes?period=2025-12',
        headers: analyst,
      });
      expect(changes.json().rows[0].category.code).toBe('burglary-business-and-community');
      const trend = await app.inject({
        url: '/v1/areas/E07000039/trend?category=total-recorded-crime&from=2025-01&to=2025-12&format=csv',
        headers: analyst,
      });
      expect(trend.body.trim().split('\n')).toHaveLength(1 + 12 * 3);
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
});

describe('a store that does not answer', () => {
  it('makes reads 503 and /readyz not ready, never 500', async () => {
    const client = openClickHouse({ kind: 'server', url: 'http://127.0.0.1:9' });
    const app = await buildTestApp({ client, database: 'crimestats' }, { cache: undefined });
    try {
      const read = await app.inject({
        url: '/v1/comparisons?category=total-recorded-crime&period=2025-12',
        headers: analyst,
      });
      expect(read.statusCode).toBe(503);
      expect(read.json()).toEqual({ error: 'the figures store did not answer; try again shortly' });
      expect((await app.inject({ url: '/readyz' })).statusCode).toBe(503);
      // Reference lists need no store.
      expect((await app.inject({ url: '/v1/areas', headers: analyst })).statusCode).toBe(200);
    } finally {
      await app.close();
      await client.close();
    }
  });

  it('says not ready while shutting down', async () => {
    const client = openClickHouse({ kind: 'server', url: 'http://127.0.0.1:9' });
    const app = await buildTestApp(
      { client, database: 'crimestats' },
      {
        accepting: () => false,
        tokens: new TokenRegistry([{ name: 'x', role: 'board', hash: hashToken('x') }]),
      },
    );
    try {
      expect((await app.inject({ url: '/readyz' })).json()).toEqual({
        status: 'not ready',
        error: 'shutting down',
      });
    } finally {
      await app.close();
      await client.close();
    }
  });
});
