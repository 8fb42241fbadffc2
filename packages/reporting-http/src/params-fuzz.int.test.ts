import { type TestDatabase } from '@crimestats/store/testing';
import fc from 'fast-check';
import { defaultReference, LAST_YEAR } from '@crimestats/domain';
import { listRoutes } from '@crimestats/http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ReportingApp } from './app.ts';
import { bearer, buildTestApp, seedPlanDatabase, TOKENS } from './testing/reporting-fixture.ts';
import { fakeSubscriptionSettings } from './testing/subscriptions-fixture.ts';

/** Every parameter of every route, with a value that is valid on its own. */
const ROUTES = [
  { path: '/v1/areas', query: { format: 'json' } },
  { path: '/v1/categories', query: { format: 'csv' } },
  {
    path: '/v1/comparisons',
    query: { category: 'total-recorded-crime', period: '2025-12', months: '12', format: 'csv' },
  },
  {
    path: '/v1/areas/{code}/changes',
    code: 'E07000039',
    query: { period: '2025-12', months: '12', format: 'json' },
  },
  {
    path: '/v1/areas/{code}/trend',
    code: 'E07000039',
    query: {
      category: 'total-recorded-crime',
      from: '2025-01',
      to: '2025-12',
      months: '12',
      format: 'csv',
    },
  },
] as const;

type Route = (typeof ROUTES)[number];

/** Values no parameter accepts. */
const NASTY = [
  '',
  ' ',
  '\t',
  'x'.repeat(10_000),
  '2025-12'.repeat(200),
  'Ω≈ç√∫˜',
  '💥🔥',
  '２０２５-１２',
  '\u0000',
  '\u202e2025-12',
  "'; DROP TABLE figures; --",
  "' OR '1'='1",
  '1 UNION SELECT 1',
  "2025-12' OR 1=1 --",
  "E07000039' OR ''='",
  '\\',
  '-1',
  '-12',
  '0',
  '61',
  '1e3',
  '12.0',
  '0x0c',
  'NaN',
  'Infinity',
  '9'.repeat(40),
  '2025-1',
  '2025-13',
  '2025-00',
  '2025/12',
  '12-2025',
  '25-12',
  '0000-01',
  '1899-12',
  '2025-12-01',
  ' 2025-12',
  '2025-12\n',
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '%',
  '<script>alert(1)</script>',
  '${7*7}',
  '[]',
  '{}',
  'E0700003',
  'e07000039',
  'X07000039',
  'Total-Recorded-Crime',
  'total--recorded-crime',
  '-total',
] as const;

function urlOf(route: Route, code: string | undefined, query: Record<string, string>): string {
  const path = route.path.replace('{code}', encodeURIComponent(code ?? ''));
  return `${path}?${new URLSearchParams(query).toString()}`;
}

describe('every parameter, fuzzed, on the real store', () => {
  let db: TestDatabase;
  let app: ReportingApp;
  /** With every route: subscriptions, deliveries, feeds, unsubscribe links. */
  let full: ReportingApp;

  beforeAll(async () => {
    ({ db } = await seedPlanDatabase('server', inject('clickhouseUrl')));
    app = await buildTestApp(db);
    full = await buildTestApp(db, { subscriptions: fakeSubscriptionSettings().settings });
    await full.ready();
  });
  afterAll(async () => {
    await app?.close();
    await full?.close();
    await db?.cleanup();
  });

  const status = async (url: string): Promise<number> =>
    (await app.inject({ method: 'GET', url, headers: bearer(TOKENS.analyst) })).statusCode;

  it('answers the valid requests the fuzzing starts from', async () => {
    for (const route of ROUTES) {
      const code = 'code' in route ? route.code : undefined;
      expect(await status(urlOf(route, code, route.query))).toBe(200);
    }
  });

  it('refuses each nasty value in each parameter with a 4xx, never a 5xx', async () => {
    const seen: string[] = [];
    for (const route of ROUTES) {
      const code = 'code' in route ? route.code : undefined;
      const params = Object.keys(route.query) as Array<keyof typeof route.query>;
      for (const value of NASTY) {
        for (const param of params) {
          const got = await status(urlOf(route, code, { ...route.query, [param]: value }));
          if (got < 400 || got >= 500)
            seen.push(`${route.path} ${param}=${JSON.stringify(value)}: ${got}`);
        }
        if (code !== undefined) {
          const got = await status(urlOf(route, value, route.query));
          if (got < 400 || got >= 500)
            seen.push(`${route.path} code=${JSON.stringify(value)}: ${got}`);
        }
      }
    }
    expect(seen).toEqual([]);
  });

  it('refuses raw, unencoded and traversing URLs with a 4xx', async () => {
    for (const url of [
      '/v1/areas/../../etc/passwd/changes?period=2025-12',
      '/v1/areas/%2e%2e%2f%2e%2e%2fetc/changes?period=2025-12',
      '/v1/areas/E07000039/changes?period=%E0%A4%A',
      '/v1/areas/E07000039/changes?period=%ZZ',
      '/v1/comparisons?category[]=total-recorded-crime&period=2025-12',
      '/v1/comparisons?category=total-recorded-crime&period=2025-12&months=12&months=6',
      '/v1/comparisons?=&&&period=2025-12',
      `/v1/areas/${'E'.repeat(500)}/trend?category=drugs&from=2025-01&to=2025-02`,
    ]) {
      const got = await status(url);
      expect({ url, got: got >= 400 && got < 500 }).toEqual({ url, got: true });
    }
  });

  it('never answers 5xx for any string in any parameter', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom(...NASTY),
    );
    for (const route of ROUTES) {
      const code = 'code' in route ? route.code : undefined;
      const params = [...Object.keys(route.query), ...(code === undefined ? [] : ['code'])];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...params), text, async (param, value) => {
          const url =
            param === 'code'
              ? urlOf(route, value, route.query)
              : urlOf(route, code, { ...route.query, [param]: value });
          const got = await status(url);
          expect(got).toBeLessThan(500);
        }),
        { numRuns: 60 },
      );
    }
  });

  it('answers 200 for every well-formed period and window, with or without figures', async () => {
    const month = fc
      .record({
        // Every period end whose windows lie within the years months may have (1909-12 on).
        year: fc.integer({ min: 1910, max: LAST_YEAR }),
        month: fc.integer({ min: 1, max: 12 }),
      })
      .map(({ year, month: m }) => `${year}-${String(m).padStart(2, '0')}`);
    const months = fc.integer({ min: 1, max: 60 }).map(String);
    await fc.assert(
      fc.asyncProperty(month, months, async (period, window) => {
        for (const url of [
          `/v1/comparisons?category=anti-social-behaviour&period=${period}&months=${window}`,
          `/v1/areas/E06000015/changes?period=${period}&months=${window}&format=csv`,
          `/v1/areas/E07000032/trend?category=drugs&from=${period}&to=${period}&months=${window}`,
        ]) {
          expect({ url, status: await status(url) }).toEqual({ url, status: 200 });
        }
      }),
      { numRuns: 40 },
    );
    // 120 periods and windows on the real store: slow when the machine is shared.
  }, 120_000);

  it('answers every route, whatever its parameters, headers and body, with no 5xx and no stack trace', async () => {
    // Printable ASCII only in headers: anything else the HTTP client refuses before sending.
    const headerText = fc.oneof(
      fc.stringMatching(/^[\x20-\x7e]{0,40}$/),
      fc.constantFrom(...NASTY.filter((v) => /^[\x20-\x7e]*$/.test(v))),
    );
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.constantFrom(...NASTY));
    const token = fc.constantFrom(
      ...Object.values(TOKENS).map((t) => `Bearer ${t}`),
      'Bearer wrong',
      'Basic YTpi',
      '',
    );
    const query = fc.dictionary(
      fc.constantFrom(
        'area',
        'category',
        'period',
        'from',
        'to',
        'months',
        'format',
        'force',
        'status',
        'limit',
        'lastEventId',
        'token',
        'x',
      ),
      text,
      { maxKeys: 4 },
    );
    const headers = fc.dictionary(
      fc.constantFrom(
        'accept',
        'content-type',
        'last-event-id',
        'if-none-match',
        'if-modified-since',
        'x-forwarded-for',
        'accept-encoding',
        'cookie',
        'origin',
      ),
      headerText,
      { maxKeys: 4 },
    );
    const body = fc.oneof(
      fc.constant(undefined),
      fc.json({ maxDepth: 2 }),
      fc.string({ maxLength: 50 }),
      fc
        .record(
          {
            area: fc.oneof(text, fc.constantFrom('E07000039', 'E06000015', 'E10000007')),
            url: fc.oneof(text, fc.webUrl(), fc.constant('http://127.0.0.1/')),
            email: fc.oneof(text, fc.emailAddress()),
            categories: fc.oneof(fc.array(text, { maxLength: 3 }), text),
          },
          { requiredKeys: [] },
        )
        .map((o) => JSON.stringify(o)),
    );
    // An area the reference knows opens an event stream, which never ends; every other is fuzzed.
    const known = new Set(defaultReference.areas.all().map((area) => area.code));
    const pathValue = text.filter((v) => !known.has(v));
    // Third-party files of the API page (swagger-ui) are left out: they are served as they are.
    const routes = listRoutes(full).filter((route) => !route.includes(' /docs'));
    const trace = /\n\s+at |node:internal|\/work\/|\.[jt]s:\d+:\d+|[A-Za-z]:\\/;
    const wrong: string[] = [];
    for (const route of routes) {
      const [method, path] = route.split(' ') as ['GET' | 'POST' | 'DELETE', string];
      await fc.assert(
        fc.asyncProperty(
          pathValue,
          query,
          headers,
          token,
          body,
          async (value, params, extra, authorization, payload) => {
            const url = `${path.replace(/\{\w+\}/g, encodeURIComponent(value))}?${new URLSearchParams(params)}`;
            const res = await full.inject({
              method,
              url,
              headers: {
                ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
                ...extra,
                ...(authorization === '' ? {} : { authorization }),
              },
              ...(payload === undefined ? {} : { payload }),
            });
            // /readyz answers 503 by contract when the store is slow to answer (a busy machine).
            const refused =
              res.statusCode >= 500 && !(path === '/readyz' && res.statusCode === 503);
            if (refused || trace.test(res.body)) {
              wrong.push(
                `${route} ${url} ${JSON.stringify(extra)}: ${res.statusCode} ${res.body.slice(0, 300)}`,
              );
            }
            return true;
          },
        ),
        { numRuns: 30, seed: 20261202 },
      );
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
