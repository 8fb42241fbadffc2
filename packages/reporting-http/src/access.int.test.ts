import { listRoutes } from '@crimestats/http';
import type { Store, StoredDelivery } from '@crimestats/store';
import { type TestDatabase } from '@crimestats/store/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ReportingApp } from './app.ts';
import {
  bearer,
  buildTestApp,
  LAPSED_AT,
  seedPlanDatabase,
  TOKENS,
} from './testing/reporting-fixture.ts';
import { fakeSubscriptionSettings } from './testing/subscriptions-fixture.ts';

// Every route the app registers is held to its access rule here, from Fastify's own route list:
// a route added later fails these tests until it is put in one of the tables below.

const OWN = 'E07000039'; // South Derbyshire, the CSP token's own area
const OTHER = 'E06000015'; // Derby City

/** The routes outside /v1, open by design, and why. Everything under /v1 needs a token. */
const OPEN_BY_DESIGN: Record<string, string> = {
  'GET /healthz': 'a probe: says nothing about the figures',
  'GET /readyz': 'a probe',
  'GET /metrics': 'Prometheus text: counts and timings, no figures',
  'GET /openapi.json': 'the API document',
  'GET /docs': "the API's page; its requests send the reader's own token",
  'GET /docs/': "the API's page",
  'GET /docs/*': "the API page's own files (swagger-ui)",
  'GET /docs/static/index.html': "the API page's own files",
  'GET /docs/static/swagger-initializer.js': "the API page's own files",
  'GET /docs/json': 'the API document again, for the page',
  'GET /docs/yaml': 'the API document again, for the page',
  'GET /feeds/{token}.atom': "the feed's unguessable token in the URL is its access (§5.8)",
  'GET /unsubscribe/{id}': "the link's HMAC token is its proof (§5.6); changes nothing",
  'POST /unsubscribe/{id}': "the link's HMAC token is its proof (§5.6)",
};

type Method = 'GET' | 'POST' | 'DELETE';
interface Call {
  method: Method;
  url: string;
  payload?: object;
}

/** A request to a route with every parameter filled in; `area` goes where an area is named. */
function callOf(route: string, ids: Ids, area: string): Call {
  const [method = 'GET', path = ''] = route.split(' ') as [Method, string];
  const forArea = area === OWN ? ids.own : ids.other;
  const url = path
    .replace('{code}', area)
    .replace('/subscriptions/{id}', `/subscriptions/${forArea.subscription}`)
    .replace('/deliveries/{id}', `/deliveries/${forArea.delivery}`)
    .replace('/feeds/{id}', `/feeds/${forArea.feed}`)
    .replace('{id}', 'sub_00000000000000000000zz')
    .replace('{token}', 'A'.repeat(43));
  const query: Record<string, string> = {
    'GET /v1/comparisons': 'category=total-recorded-crime&period=2025-12',
    'GET /v1/areas/{code}/changes': 'period=2025-12',
    'GET /v1/areas/{code}/trend': 'category=drugs&from=2025-06&to=2025-12',
    'GET /v1/packs': 'period=2025-12',
    'GET /v1/subscriptions': `area=${area}`,
    'GET /v1/feeds': `area=${area}`,
  };
  const bodies: Record<string, object> = {
    'POST /v1/subscriptions': { area, url: 'https://hooks.example.org/attack' },
    'POST /v1/feeds': { area },
  };
  const q = query[route];
  return {
    method,
    url: q === undefined ? url : `${url}?${q}`,
    ...(bodies[route] === undefined ? {} : { payload: bodies[route] }),
  };
}

interface AreaIds {
  subscription: string;
  delivery: string;
  feed: string;
}
interface Ids {
  own: AreaIds;
  other: AreaIds;
}

/**
 * What a CSP token gets on each /v1 route when it names another area (or that area's
 * subscription, delivery or feed): 403, or, on the shared routes, an answer like any reader's.
 */
const CSP_ON_ANOTHER_AREA: Record<string, 403 | 'shared'> = {
  'GET /v1/areas': 'shared',
  'GET /v1/categories': 'shared',
  'GET /v1/reference': 'shared',
  'GET /v1/whoami': 'shared',
  'GET /v1/comparisons': 'shared',
  // Every area's figures are in the pack, as in the comparison; only its own area's increases.
  'GET /v1/packs': 'shared',
  'GET /v1/areas/{code}/changes': 403,
  'GET /v1/areas/{code}/trend': 403,
  'GET /v1/areas/{code}/events': 403,
  'POST /v1/subscriptions': 403,
  'GET /v1/subscriptions': 403,
  'GET /v1/subscriptions/{id}': 403,
  'DELETE /v1/subscriptions/{id}': 403,
  'POST /v1/subscriptions/{id}/ping': 403,
  'GET /v1/subscriptions/{id}/deliveries': 403,
  // Lists only the token's own area's: another's never shows (checked below).
  'GET /v1/deliveries': 'shared',
  'POST /v1/deliveries/{id}/retry': 403,
  'POST /v1/feeds': 403,
  'GET /v1/feeds': 403,
  'GET /v1/feeds/{id}': 403,
  'DELETE /v1/feeds/{id}': 403,
};

describe('access to every route, on the real store', () => {
  let db: TestDatabase;
  let store: Store;
  let app: ReportingApp;
  let routes: string[];
  const fake = fakeSubscriptionSettings();
  const ids: Ids = {
    own: { subscription: '', delivery: 'msg_access_own', feed: '' },
    other: { subscription: '', delivery: 'msg_access_other', feed: '' },
  };

  beforeAll(async () => {
    ({ db, store } = await seedPlanDatabase('server', inject('clickhouseUrl')));
    app = await buildTestApp(db, { subscriptions: fake.settings });
    await app.ready();
    routes = listRoutes(app);
    for (const [area, mine] of [
      [OWN, ids.own],
      [OTHER, ids.other],
    ] as const) {
      const sub = await app.inject({
        method: 'POST',
        url: '/v1/subscriptions',
        headers: bearer(TOKENS.analyst),
        payload: { area, url: `https://hooks.example.org/${area}` },
      });
      mine.subscription = sub.json().id;
      const feed = await app.inject({
        method: 'POST',
        url: '/v1/feeds',
        headers: bearer(TOKENS.analyst),
        payload: { area },
      });
      mine.feed = feed.json().id;
      const at = '2026-02-01T09:00:00.000Z';
      const delivery: StoredDelivery = {
        id: mine.delivery,
        eventId: `evt_${mine.delivery}`,
        subscriptionId: mine.subscription,
        area,
        status: 'dead',
        attempts: 8,
        nextAttemptAt: null,
        lastError: 'receiver answered 500',
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      await store.deliveries.saveStates([delivery]);
      fake.afterRetry({ ...delivery, status: 'delivered' });
    }
  });
  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  const send = (call: Call, headers: Record<string, string>) =>
    app.inject({
      ...call,
      headers,
      ...(call.payload === undefined ? {} : { payload: call.payload }),
    });

  it('has a rule for every route: open by design outside /v1, a token under it', () => {
    const open = routes.filter((route) => !route.split(' ')[1]!.startsWith('/v1/'));
    expect(open.sort()).toEqual(Object.keys(OPEN_BY_DESIGN).sort());
    const v1 = routes.filter((route) => route.split(' ')[1]!.startsWith('/v1/'));
    expect(v1.sort()).toEqual(Object.keys(CSP_ON_ANOTHER_AREA).sort());
  });

  it('refuses a missing, malformed, wrong or expired token with 401 on every /v1 route', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.includes(' /v1/'))) {
      const call = callOf(route, ids, OWN);
      for (const [what, headers] of [
        ['none', {}],
        ['basic', { authorization: 'Basic YW5hbHlzdDpzZWNyZXQ=' }],
        ['empty', { authorization: 'Bearer ' }],
        ['unknown', bearer('not-a-configured-token')],
        ['near miss', bearer(`${TOKENS.analyst}x`)],
        ['lapsed', bearer(TOKENS.lapsed)],
      ] as const) {
        const res = await send(call, headers);
        const challenge = res.headers['www-authenticate'];
        const expected =
          what === 'lapsed'
            ? 'Bearer error="invalid_token", error_description="expired"'
            : 'Bearer';
        if (
          res.statusCode !== 401 ||
          challenge !== expected ||
          typeof res.json().error !== 'string'
        )
          wrong.push(`${route} (${what}): ${res.statusCode} ${String(challenge)} ${res.body}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("tells a lapsed token's holder when it expired, and nothing of the data", async () => {
    const res = await send(callOf('GET /v1/comparisons', ids, OWN), bearer(TOKENS.lapsed));
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({
      error: `this token expired at ${LAPSED_AT.toISOString()}: ask for a new one`,
    });
  });

  it('lets anyone reach the open routes, whose own tokens guard what they hold', async () => {
    for (const route of Object.keys(OPEN_BY_DESIGN)) {
      const res = await send(callOf(route.replace('/*', '/favicon-32x32.png'), ids, OWN), {});
      expect({ route, status: res.statusCode }).not.toEqual({ route, status: 401 });
      expect({ route, status: res.statusCode < 500 }).toEqual({ route, status: true });
    }
    // A made-up feed token or unsubscribe proof reaches nothing.
    const feed = await send(callOf('GET /feeds/{token}.atom', ids, OWN), {});
    expect(feed.statusCode).toBe(404);
    const unsubscribe = await app.inject({
      method: 'GET',
      url: `/unsubscribe/${ids.other.subscription}?token=${'A'.repeat(43)}`,
    });
    expect(unsubscribe.statusCode).toBe(404);
  });

  it("gives a CSP token nothing of another area's beyond the shared answers", async () => {
    const wrong: string[] = [];
    for (const [route, rule] of Object.entries(CSP_ON_ANOTHER_AREA)) {
      const theirs = await send(callOf(route, ids, OTHER), bearer(TOKENS.southDerbyshire));
      const ok = rule === 403 ? theirs.statusCode === 403 : theirs.statusCode === 200;
      // Neither way does another area's subscription, delivery or feed show.
      const leaks = [ids.other.subscription, ids.other.delivery, ids.other.feed].filter((id) =>
        theirs.body.includes(id),
      );
      if (!ok || leaks.length > 0)
        wrong.push(
          `${route}: ${theirs.statusCode} ${leaks.join(',')} ${theirs.body.slice(0, 200)}`,
        );
    }
    expect(wrong).toEqual([]);
  });

  it("lets the CSP token do the same on its own area's (so the 403s are about the area)", async () => {
    const wrong: string[] = [];
    // Removing comes last: the other calls need the subscription and feed still there.
    const order = Object.keys(CSP_ON_ANOTHER_AREA).sort(
      (a, b) => Number(a.startsWith('DELETE')) - Number(b.startsWith('DELETE')),
    );
    for (const route of order) {
      if (route === 'GET /v1/areas/{code}/events') continue; // a stream: never ends
      const mine = await send(callOf(route, ids, OWN), bearer(TOKENS.southDerbyshire));
      if (![200, 201, 204].includes(mine.statusCode))
        wrong.push(`${route}: ${mine.statusCode} ${mine.body.slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('sets nosniff and forbids framing on every answer: data, errors, documents and 404s', async () => {
    const urls = [
      ...listRoutes(app)
        .filter((route) => route.startsWith('GET '))
        .map((route) =>
          route
            .slice(4)
            .replace('{code}', 'E07000039')
            .replace('{id}', 'sub_00000000000000000000zz')
            .replace('{token}', 'A'.repeat(43))
            .replace('/*', '/favicon-32x32.png'),
        )
        .filter((url) => !url.endsWith('/events')),
      '/no/such/route',
    ];
    const asked = urls.flatMap((url) => [
      { url, headers: {} },
      { url, headers: bearer(TOKENS.analyst) },
    ]);
    for (const { url, headers } of asked) {
      const res = await app.inject({ method: 'GET', url, headers });
      const got = {
        url,
        nosniff: res.headers['x-content-type-options'],
        frame: res.headers['x-frame-options'],
        ancestors: /frame-ancestors 'none'/.test(String(res.headers['content-security-policy'])),
      };
      expect(got).toEqual({ url, nosniff: 'nosniff', frame: 'DENY', ancestors: true });
    }
  });
});
