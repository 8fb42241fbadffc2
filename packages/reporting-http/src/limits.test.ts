import { listRoutes } from '@crimestats/http';
import { openClickHouse } from '@crimestats/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORTING_BODY_LIMIT, type ReportingApp } from './app.ts';
import { bearer, buildTestApp, TOKENS } from './testing/reporting-fixture.ts';
import { fakeSubscriptionSettings } from './testing/subscriptions-fixture.ts';

// Rate limits and body limits are decided before a route reads the store, so the app here is
// built over a client whose server is never there: no request here reaches it.
const client = openClickHouse({ kind: 'server', url: 'http://127.0.0.1:9' });
afterAll(async () => client.close());

const build = (rateLimit?: { max: number; windowMs: number }) =>
  buildTestApp(
    { client, database: 'unused' },
    { cache: undefined, subscriptions: fakeSubscriptionSettings().settings, rateLimit },
  );

describe('per-token rate limits', () => {
  let app: ReportingApp;
  beforeAll(async () => {
    app = await build({ max: 3, windowMs: 60_000 });
  });
  afterAll(async () => app?.close());

  const whoami = (headers: Record<string, string>, remoteAddress = '192.0.2.1') =>
    app.inject({ method: 'GET', url: '/v1/whoami', headers, remoteAddress });

  it("answers 429 with Retry-After and the usual error body once a token's limit is spent", async () => {
    for (let i = 0; i < 3; i++) expect((await whoami(bearer(TOKENS.board))).statusCode).toBe(200);
    const refused = await whoami(bearer(TOKENS.board));
    expect(refused.statusCode).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.json()).toEqual({
      error: expect.stringMatching(
        /^too many requests: at most 3 every 60 s for each token; retry after/,
      ),
    });
    // The same holder from another address is still the same holder.
    expect((await whoami(bearer(TOKENS.board), '198.51.100.7')).statusCode).toBe(429);
  });

  it('counts each token holder apart, and anyone without a valid token by address', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await whoami(bearer(TOKENS.derbyCity))).statusCode).toBe(200);
    }
    // Guessing tokens from one address is limited too.
    for (let i = 0; i < 3; i++) {
      expect((await whoami(bearer(`guess-${i}`), '203.0.113.9')).statusCode).toBe(401);
    }
    expect((await whoami(bearer('guess-4'), '203.0.113.9')).statusCode).toBe(429);
    expect((await whoami({}, '203.0.113.10')).statusCode).toBe(401);
  });

  it('never limits the probes', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await app.inject({
        method: 'GET',
        url: '/healthz',
        remoteAddress: '203.0.113.9',
      });
      expect(res.statusCode).toBe(200);
    }
  });
});

describe('body limits', () => {
  let app: ReportingApp;
  beforeAll(async () => {
    app = await build();
  });
  afterAll(async () => app?.close());

  const big = (bytes: number) => ({
    area: 'E07000039',
    url: 'https://hooks.example.org/x',
    categories: ['x'.repeat(bytes)],
  });

  it('refuses a JSON body above the limit with 413 on every route that takes one', async () => {
    const withBodies = listRoutes(app).filter((route) => /^(POST|PUT|PATCH) \/v1\//.test(route));
    expect(withBodies.length).toBeGreaterThan(0);
    for (const route of withBodies) {
      const url = route.split(' ')[1]!.replace('{id}', 'sub_00000000000000000000zz');
      const res = await app.inject({
        method: 'POST',
        url,
        headers: bearer(TOKENS.analyst),
        payload: big(REPORTING_BODY_LIMIT),
      });
      expect({ route, status: res.statusCode }).toEqual({ route, status: 413 });
      expect(res.json()).toEqual({ error: expect.stringMatching(/body/i) });
    }
  });

  it('refuses an unsubscribe form above its limit with 413', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/unsubscribe/sub_00000000000000000000zz?token=${'A'.repeat(43)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `List-Unsubscribe=One-Click&pad=${'x'.repeat(8192)}`,
    });
    expect(res.statusCode).toBe(413);
  });
});
