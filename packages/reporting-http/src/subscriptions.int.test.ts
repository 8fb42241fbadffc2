import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreatedWebhookSubscriptionSchema,
  DeliveryAttemptSchema,
  FiguresEventSchema,
  WebhookSubscriptionSchema,
} from '@crimestats/contracts';
import { createStore, migrate, type Store, type StoredDelivery } from '@crimestats/store';
import { createTestDatabase, type TestDatabase } from '@crimestats/store/testing';
import { parseAllowList } from '@crimestats/webhooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ReportingApp } from './app.ts';
import { bearer, buildTestApp, TOKENS } from './testing/reporting-fixture.ts';
import { fakeSubscriptionSettings } from './testing/subscriptions-fixture.ts';

const SOUTH_DERBYSHIRE = 'E07000039';
const DERBY_CITY = 'E06000015';
const analyst = bearer(TOKENS.analyst);
const board = bearer(TOKENS.board);
const southDerbyshire = bearer(TOKENS.southDerbyshire);
const derbyCity = bearer(TOKENS.derbyCity);
const HOOK = 'https://hooks.example.org/crimestats';

describe('webhook subscriptions on the real store', () => {
  let db: TestDatabase;
  let store: Store;
  let app: ReportingApp;
  const fake = fakeSubscriptionSettings();

  beforeAll(async () => {
    db = await createTestDatabase('server', inject('clickhouseUrl'));
    await migrate(db.client, db.database);
    store = createStore(db.client, db.database);
    app = await buildTestApp(db, { subscriptions: fake.settings });
  });
  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  const call = (
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    headers: Record<string, string> = analyst,
    payload?: object,
  ) => app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  const subscribe = (body: object, headers: Record<string, string> = analyst) =>
    call('POST', '/v1/subscriptions', headers, body);
  const created = async (body: object, headers: Record<string, string> = analyst) => {
    const res = await subscribe(body, headers);
    expect(res.statusCode).toBe(201);
    return CreatedWebhookSubscriptionSchema.parse(res.json());
  };
  const allIds = async (): Promise<string[]> => (await store.subscriptions.list()).map((s) => s.id);

  describe('create, read, list and remove', () => {
    it('creates an email one: its answers show the address, never a URL or secret', async () => {
      const res = await subscribe({
        area: SOUTH_DERBYSHIRE,
        email: 'officer@example.gov.uk',
        categories: ['drugs'],
      });
      expect(res.statusCode).toBe(201);
      const sub = res.json();
      expect(sub).toEqual({
        id: expect.stringMatching(/^sub_/),
        area: SOUTH_DERBYSHIRE,
        categories: ['drugs'],
        email: 'officer@example.gov.uk',
        status: 'active',
        createdAt: expect.any(String),
      });
      const read = await call('GET', `/v1/subscriptions/${sub.id}`);
      expect(read.json()).toEqual(sub);
      const listed = (await call('GET', `/v1/subscriptions?area=${SOUTH_DERBYSHIRE}`)).json();
      expect(listed.subscriptions).toContainEqual(sub);
      // Stored as mailto:, with a secret of its own for its unsubscribe links.
      expect(await store.subscriptions.get(sub.id)).toMatchObject({
        url: 'mailto:officer@example.gov.uk',
        secret: expect.stringMatching(/^whsec_/),
      });
      // The same role rules as a webhook's.
      const other = await subscribe(
        { area: DERBY_CITY, email: 'x@example.gov.uk' },
        southDerbyshire,
      );
      expect(other.statusCode).toBe(403);
      expect(
        (await subscribe({ area: SOUTH_DERBYSHIRE, email: 'y@example.gov.uk' }, board)).statusCode,
      ).toBe(403);
      await call('DELETE', `/v1/subscriptions/${sub.id}`);
    });

    it('creates one with a secret shown only in the answer', async () => {
      const res = await subscribe({ area: SOUTH_DERBYSHIRE, url: HOOK });
      expect(res.statusCode).toBe(201);
      const sub = CreatedWebhookSubscriptionSchema.parse(res.json());
      expect(Object.keys(res.json()).sort()).toEqual(
        ['area', 'categories', 'createdAt', 'id', 'secret', 'status', 'url'].sort(),
      );
      expect(sub).toMatchObject({
        area: SOUTH_DERBYSHIRE,
        categories: [],
        url: HOOK,
        status: 'active',
      });
      expect(sub.id).toMatch(/^sub_[A-Za-z0-9_-]{22}$/);
      expect(sub.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(sub.secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
      expect(res.headers.location).toBe(`/v1/subscriptions/${sub.id}`);

      const one = await call('GET', `/v1/subscriptions/${sub.id}`);
      expect(one.statusCode).toBe(200);
      const { secret, ...shown } = sub;
      expect(one.json()).toEqual(shown);
      const list = await call('GET', '/v1/subscriptions');
      expect(list.json().subscriptions).toContainEqual(shown);
      for (const body of [one.body, list.body]) {
        expect(body).not.toContain(secret);
        expect(body).not.toContain('"secret"');
      }
      // Kept for signing, where only the notifier reads it.
      expect((await store.subscriptions.get(sub.id))?.secret).toBe(secret);
    });

    it('gives each subscription its own id and secret', async () => {
      const a = await created({ area: DERBY_CITY, url: HOOK });
      const b = await created({ area: DERBY_CITY, url: HOOK });
      expect(a.id).not.toBe(b.id);
      expect(a.secret).not.toBe(b.secret);
    });

    it('keeps the categories asked for, once each, and stores the URL as parsed', async () => {
      const sub = await created({
        area: SOUTH_DERBYSHIRE,
        url: 'https://Hooks.Example.org',
        categories: ['drugs', 'anti-social-behaviour', 'drugs'],
      });
      expect(sub.categories).toEqual(['drugs', 'anti-social-behaviour']);
      expect(sub.url).toBe('https://hooks.example.org/');
    });

    it('removes one for good: 204, then 404 everywhere', async () => {
      const sub = await created({ area: SOUTH_DERBYSHIRE, url: HOOK });
      const removed = await call('DELETE', `/v1/subscriptions/${sub.id}`);
      expect(removed.statusCode).toBe(204);
      expect(removed.body).toBe('');
      for (const [method, url] of [
        ['GET', `/v1/subscriptions/${sub.id}`],
        ['DELETE', `/v1/subscriptions/${sub.id}`],
        ['POST', `/v1/subscriptions/${sub.id}/ping`],
        ['GET', `/v1/subscriptions/${sub.id}/deliveries`],
      ] as const) {
        const res = await call(method, url);
        expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 404 });
        expect(res.json()).toEqual({ error: `no subscription "${sub.id}"`, parameter: 'id' });
      }
      expect(await allIds()).not.toContain(sub.id);
    });

    it('lists one area when asked, and refuses an unknown or rollup area by name', async () => {
      const res = await call('GET', `/v1/subscriptions?area=${DERBY_CITY}`);
      expect(res.statusCode).toBe(200);
      const areas = res.json().subscriptions.map((s: { area: string }) => s.area);
      expect(areas.length).toBeGreaterThan(0);
      expect(new Set(areas)).toEqual(new Set([DERBY_CITY]));
      const unknown = await call('GET', '/v1/subscriptions?area=E07999999');
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error).toMatch(/^area: unknown area "E07999999"; subscribe to one of/);
      expect((await call('GET', '/v1/subscriptions?areas=x')).statusCode).toBe(400);
    });
  });

  describe('refused input, with nothing stored', () => {
    it('refuses an unknown area, a rollup, unknown categories and unknown fields, by name', async () => {
      const before = await allIds();
      const cases: Array<[object, string, RegExp]> = [
        [
          { area: 'E07999999', url: HOOK },
          'area',
          /unknown area "E07999999"; subscribe to one of: E07000032 \(Amber Valley\)/,
        ],
        [{ area: 'E10000007', url: HOOK }, 'area', /E10000007 \(.+\) is not a CSP area/],
        [{ area: 'not-a-code', url: HOOK }, 'area', /^area: /],
        [
          { area: SOUTH_DERBYSHIRE, url: HOOK, categories: ['drugs', 'nope'] },
          'categories',
          /unknown category "nope"/,
        ],
        [{ area: SOUTH_DERBYSHIRE, url: HOOK, categories: [] }, 'categories', /^categories: /],
        [
          { area: SOUTH_DERBYSHIRE, url: HOOK, category: 'drugs' },
          'category',
          /^unknown field "category"; allowed: area, url, email, categories$/,
        ],
        [
          { area: SOUTH_DERBYSHIRE },
          'url',
          /^url: give exactly one of url \(a webhook\) or email$/,
        ],
        [
          { area: SOUTH_DERBYSHIRE, url: HOOK, email: 'officer@example.gov.uk' },
          'email',
          /^email: give exactly one of url \(a webhook\) or email$/,
        ],
        [{ area: SOUTH_DERBYSHIRE, email: 'not an address' }, 'email', /^email: /],
        [{ area: SOUTH_DERBYSHIRE, email: 'a@b' }, 'email', /^email: /],
      ];
      for (const [body, parameter, error] of cases) {
        const res = await subscribe(body);
        expect({ body, status: res.statusCode }).toEqual({ body, status: 400 });
        expect(res.json().parameter).toBe(parameter);
        expect(res.json().error).toMatch(error);
      }
      expect(await allIds()).toEqual(before);
    });

    it('refuses every target that reaches this server or a private network, saying why', async () => {
      const before = await allIds();
      const HTTP_ONLY = /^url: the URL is refused: only https targets are accepted/;
      const cases: Array<[string, RegExp]> = [
        ['http://127.0.0.1/', HTTP_ONLY],
        ['http://2130706433/', HTTP_ONLY],
        ['http://[::ffff:127.0.0.1]/', HTTP_ONLY],
        ['http://169.254.169.254/', HTTP_ONLY],
        ['http://example.org/', HTTP_ONLY],
        ['https://127.0.0.1/', /the address 127\.0\.0\.1 is loopback/],
        ['https://2130706433/', /the address 127\.0\.0\.1 is loopback/],
        ['https://[::ffff:127.0.0.1]/', /the address ::ffff:7f00:1 is ipv4Mapped/],
        ['https://169.254.169.254/', /the address 169\.254\.169\.254 is linkLocal/],
        ['https://10.0.0.1/', /the address 10\.0\.0\.1 is private/],
        ['https://192.168.1.1/', /the address 192\.168\.1\.1 is private/],
        ['https://100.64.0.1/', /the address 100\.64\.0\.1 is carrierGradeNat/],
        ['https://224.0.0.1/', /the address 224\.0\.0\.1 is multicast/],
        ['https://0.0.0.0/', /the address 0\.0\.0\.0 is unspecified/],
        ['https://user:pw@hooks.example.org/', /credentials in a URL are refused/],
        ['not a url', /not a URL/],
      ];
      for (const [url, reason] of cases) {
        const res = await subscribe({ area: SOUTH_DERBYSHIRE, url });
        expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
        expect(res.json()).toEqual({ error: expect.stringMatching(reason), parameter: 'url' });
      }
      expect(await allIds()).toEqual(before);
    });
  });

  describe('who may do what', () => {
    it('lets a CSP manage its own area only, naming the area it may not', async () => {
      const own = await created({ area: SOUTH_DERBYSHIRE, url: HOOK }, southDerbyshire);
      const other = await created({ area: DERBY_CITY, url: HOOK }, derbyCity);
      const before = await allIds();

      const refused = await subscribe({ area: DERBY_CITY, url: HOOK }, southDerbyshire);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error).toBe(
        "this token (role csp:E07000039) may manage only E07000039's subscriptions and " +
          "deliveries, not E06000015's",
      );
      expect(await allIds()).toEqual(before);

      // Another area's subscription exists, so the answer is 403, not 404.
      for (const [method, url] of [
        ['GET', `/v1/subscriptions/${other.id}`],
        ['GET', `/v1/subscriptions/${other.id}/deliveries`],
        ['POST', `/v1/subscriptions/${other.id}/ping`],
        ['DELETE', `/v1/subscriptions/${other.id}`],
        ['GET', `/v1/subscriptions?area=${DERBY_CITY}`],
      ] as const) {
        const res = await call(method, url, southDerbyshire);
        expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 403 });
        expect(res.json().error).toMatch(/\(role csp:E07000039\) may .+ not E06000015's$/);
      }
      const mine = (await call('GET', '/v1/subscriptions', southDerbyshire)).json();
      expect(mine.subscriptions.map((s: { id: string }) => s.id)).toContain(own.id);
      expect(new Set(mine.subscriptions.map((s: { area: string }) => s.area))).toEqual(
        new Set([SOUTH_DERBYSHIRE]),
      );
      expect((await call('GET', `/v1/subscriptions/${own.id}`, southDerbyshire)).statusCode).toBe(
        200,
      );
      expect((await call('GET', '/v1/subscriptions/sub_nobody', southDerbyshire)).statusCode).toBe(
        404,
      );
      expect(
        (await call('DELETE', `/v1/subscriptions/${own.id}`, southDerbyshire)).statusCode,
      ).toBe(204);
      expect((await call('DELETE', `/v1/subscriptions/${other.id}`, derbyCity)).statusCode).toBe(
        204,
      );
    });

    it('lets an analyst manage any area', async () => {
      for (const area of [SOUTH_DERBYSHIRE, DERBY_CITY]) {
        const sub = await created({ area, url: HOOK });
        expect((await call('DELETE', `/v1/subscriptions/${sub.id}`)).statusCode).toBe(204);
      }
    });

    it('lets the Board read everything and change nothing', async () => {
      const sub = await created({ area: DERBY_CITY, url: HOOK });
      const before = await allIds();
      const list = await call('GET', '/v1/subscriptions', board);
      expect(list.statusCode).toBe(200);
      expect(list.json().subscriptions.map((s: { id: string }) => s.id)).toEqual(before);
      expect((await call('GET', `/v1/subscriptions/${sub.id}`, board)).statusCode).toBe(200);
      expect((await call('GET', `/v1/subscriptions/${sub.id}/deliveries`, board)).statusCode).toBe(
        200,
      );
      expect((await call('GET', '/v1/deliveries', board)).statusCode).toBe(200);
      for (const [method, url, body] of [
        ['POST', '/v1/subscriptions', { area: DERBY_CITY, url: HOOK }],
        // Refused before the body is read: even a malformed one.
        ['POST', '/v1/subscriptions', { nonsense: true }],
        ['DELETE', `/v1/subscriptions/${sub.id}`, undefined],
        ['POST', `/v1/subscriptions/${sub.id}/ping`, undefined],
        ['POST', '/v1/deliveries/msg_any/retry', undefined],
      ] as const) {
        const res = await call(method, url, board, body);
        expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 403 });
        expect(res.json().error).toBe(
          'this token (role board) may only read subscriptions and deliveries, not change them',
        );
      }
      expect(await allIds()).toEqual(before);
      expect(
        fake.sent.filter((s) => s.target.url === sub.url && s.message.body.includes(DERBY_CITY)),
      ).toEqual([]);
    });

    it('answers 401 without a configured token', async () => {
      for (const [method, url] of [
        ['GET', '/v1/subscriptions'],
        ['POST', '/v1/subscriptions'],
        ['GET', '/v1/deliveries?status=dead'],
        ['POST', '/v1/deliveries/msg_x/retry'],
      ] as const) {
        const res = await call(method, url, bearer('not-a-token'));
        expect(res.statusCode).toBe(401);
      }
    });
  });

  describe('ping and attempts', () => {
    it('sends a signed ping to the subscription and records the attempt, newest first', async () => {
      const sub = await created({ area: SOUTH_DERBYSHIRE, url: HOOK, categories: ['drugs'] });
      const first = await call('POST', `/v1/subscriptions/${sub.id}/ping`);
      expect(first.statusCode).toBe(200);
      const attempt = DeliveryAttemptSchema.parse(first.json());
      expect(attempt).toMatchObject({
        subscriptionId: sub.id,
        attempt: 1,
        outcome: 'delivered',
        statusCode: 204,
        durationMs: 12,
        error: null,
      });
      expect(attempt.deliveryId).toMatch(/^msg_[A-Za-z0-9_-]{22}$/);
      const sent = fake.sent.at(-1)!;
      expect(sent.target).toMatchObject({ url: HOOK, secret: sub.secret });
      expect(sent.message.id).toBe(attempt.deliveryId);
      const event = FiguresEventSchema.parse(JSON.parse(sent.message.body));
      expect(event.type).toBe('ping');
      expect(event.data.area).toEqual({ code: SOUTH_DERBYSHIRE, name: 'South Derbyshire' });
      expect(event.data.periods).toEqual([]);
      expect(event.data.links.dashboard).toBe(`http://localhost/?area=${SOUTH_DERBYSHIRE}`);

      const second = DeliveryAttemptSchema.parse(
        (await call('POST', `/v1/subscriptions/${sub.id}/ping`, southDerbyshire)).json(),
      );
      expect(second.deliveryId).not.toBe(attempt.deliveryId);
      const attempts = await call('GET', `/v1/subscriptions/${sub.id}/deliveries`);
      expect(attempts.statusCode).toBe(200);
      expect(attempts.json()).toEqual({ attempts: [second, attempt] });
      const one = await call('GET', `/v1/subscriptions/${sub.id}/deliveries?limit=1`);
      expect(one.json()).toEqual({ attempts: [second] });
      // A ping leaves the subscription as it was.
      expect((await call('GET', `/v1/subscriptions/${sub.id}`)).json().status).toBe('active');
    });

    it('refuses a limit outside 1 to 1000', async () => {
      const sub = await created({ area: SOUTH_DERBYSHIRE, url: HOOK });
      for (const limit of ['0', '1001', 'ten', '1.5']) {
        const res = await call('GET', `/v1/subscriptions/${sub.id}/deliveries?limit=${limit}`);
        expect(res.statusCode).toBe(400);
        expect(res.json()).toEqual({
          error: expect.stringMatching(/^limit: expected a whole number from 1 to 1000/),
          parameter: 'limit',
        });
      }
    });
  });

  describe('deliveries', () => {
    const at = '2026-02-01T09:00:00.000Z';
    const delivery = (
      id: string,
      area: string,
      status: StoredDelivery['status'],
    ): StoredDelivery => ({
      id,
      eventId: `evt_${id}`,
      subscriptionId: `sub_for_${area}`,
      area,
      status,
      attempts: status === 'pending' ? 1 : 8,
      nextAttemptAt: status === 'pending' ? '2026-02-01T09:05:00.000Z' : null,
      lastError: status === 'dead' ? 'receiver answered 500' : null,
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
    const { version: _v, ...shown } = delivery('msg_dead_sd', SOUTH_DERBYSHIRE, 'dead');

    beforeAll(async () => {
      await store.deliveries.saveStates([
        delivery('msg_dead_sd', SOUTH_DERBYSHIRE, 'dead'),
        delivery('msg_dead_dc', DERBY_CITY, 'dead'),
        delivery('msg_pending_sd', SOUTH_DERBYSHIRE, 'pending'),
        delivery('msg_delivered_dc', DERBY_CITY, 'delivered'),
      ]);
    });

    it('lists them by status, a CSP its own area only, never with row versions', async () => {
      const dead = await call('GET', '/v1/deliveries?status=dead');
      expect(dead.statusCode).toBe(200);
      const ids = dead.json().deliveries.map((d: { id: string }) => d.id);
      expect(ids.sort()).toEqual(['msg_dead_dc', 'msg_dead_sd']);
      expect(dead.json().deliveries).toContainEqual(shown);
      expect(dead.body).not.toContain('"version"');
      const all = await call('GET', '/v1/deliveries');
      expect(all.json().deliveries).toHaveLength(4);
      const own = await call('GET', '/v1/deliveries', southDerbyshire);
      expect(
        own
          .json()
          .deliveries.map((d: { id: string }) => d.id)
          .sort(),
      ).toEqual(['msg_dead_sd', 'msg_pending_sd']);
      expect((await call('GET', '/v1/deliveries?limit=1')).json().deliveries).toHaveLength(1);
      const bad = await call('GET', '/v1/deliveries?status=lost');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().parameter).toBe('status');
    });

    it('retries a dead one through the notifier, and refuses any other', async () => {
      const after: StoredDelivery = {
        ...delivery('msg_dead_sd', SOUTH_DERBYSHIRE, 'delivered'),
        attempts: 9,
        version: 2,
      };
      fake.afterRetry(after);
      const res = await call('POST', '/v1/deliveries/msg_dead_sd/retry', southDerbyshire);
      expect(res.statusCode).toBe(200);
      const { version: _version, ...afterShown } = after;
      expect(res.json()).toEqual({ delivery: afterShown, attempt: fake.answer });
      expect(fake.retried).toEqual(['msg_dead_sd']);

      const pending = await call('POST', '/v1/deliveries/msg_pending_sd/retry');
      expect(pending.statusCode).toBe(409);
      expect(pending.json()).toEqual({
        error: 'delivery msg_pending_sd is pending; only a dead delivery can be retried',
      });
      expect((await call('POST', '/v1/deliveries/msg_delivered_dc/retry')).statusCode).toBe(409);
      const unknown = await call('POST', '/v1/deliveries/msg_nobody/retry');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error).toBe('no delivery "msg_nobody"');
      const other = await call('POST', '/v1/deliveries/msg_dead_dc/retry', southDerbyshire);
      expect(other.statusCode).toBe(403);
      expect(other.json().error).toMatch(/not E06000015's$/);
      expect(fake.retried).toEqual(['msg_dead_sd']);
    });
  });

  describe('the OpenAPI document', () => {
    it('describes the subscription and delivery routes', async () => {
      const openapi = (await call('GET', '/openapi.json', {})).json();
      expect(Object.keys(openapi.paths)).toEqual(
        expect.arrayContaining([
          '/v1/subscriptions',
          '/v1/subscriptions/{id}',
          '/v1/subscriptions/{id}/ping',
          '/v1/subscriptions/{id}/deliveries',
          '/v1/deliveries',
          '/v1/deliveries/{id}/retry',
        ]),
      );
      const create = openapi.paths['/v1/subscriptions'].post;
      expect(create.security).toEqual([{ bearerAuth: [] }]);
      expect(Object.keys(create.responses)).toEqual(
        expect.arrayContaining(['201', '400', '401', '403']),
      );
      const body = create.requestBody.content['application/json'].schema;
      expect(body.required).toEqual(['area']);
      expect(Object.keys(body.properties)).toEqual(['area', 'url', 'email', 'categories']);
      expect(openapi.paths['/unsubscribe/{id}'].post).toBeDefined();
      expect(openapi.paths['/unsubscribe/{id}'].get.security).toBeUndefined();
      expect(openapi.paths['/v1/subscriptions/{id}'].delete.responses['204']).toBeDefined();
      expect(openapi.paths['/v1/deliveries/{id}/retry'].post.responses['409']).toBeDefined();
    });
  });
});

describe('subscriptions to receivers the operator allows', () => {
  let db: TestDatabase;
  let app: ReportingApp;
  let receiver: Server;
  const fake = fakeSubscriptionSettings(parseAllowList('127.0.0.1'));

  beforeAll(async () => {
    db = await createTestDatabase('server', inject('clickhouseUrl'));
    await migrate(db.client, db.database);
    app = await buildTestApp(db, { subscriptions: fake.settings });
    // A receiver on this machine, as an on-premise one would be; the fake sender never calls it.
    receiver = createServer((_req, res) => res.writeHead(204).end());
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((done) => receiver?.close(done));
    await db?.cleanup();
  });

  it('accepts http to an allowed address, and still refuses one not allowed', async () => {
    const { port } = receiver.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/hook`;
    const res = await app.inject({
      method: 'POST',
      url: '/v1/subscriptions',
      headers: analyst,
      payload: { area: SOUTH_DERBYSHIRE, url },
    });
    expect(res.statusCode).toBe(201);
    expect(WebhookSubscriptionSchema.parse(res.json()).url).toBe(url);
    const refused = await app.inject({
      method: 'POST',
      url: '/v1/subscriptions',
      headers: analyst,
      payload: { area: SOUTH_DERBYSHIRE, url: `https://127.0.0.2:${port}/hook` },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatch(/127\.0\.0\.2 is loopback/);
  });
});

describe('without subscription settings', () => {
  it('serves no subscription or delivery routes', async () => {
    const db = await createTestDatabase('server', inject('clickhouseUrl'));
    const app = await buildTestApp(db);
    try {
      for (const url of ['/v1/subscriptions', '/v1/deliveries']) {
        const res = await app.inject({ method: 'GET', url, headers: analyst });
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({ error: `no route GET ${url}` });
      }
    } finally {
      await app.close();
      await db.cleanup();
    }
  });
});
