import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CreatedFeedSchema, FeedSchema, type FiguresEventData } from '@crimestats/contracts';
import { createStore, migrate, type Store, type StoredFigureEvent } from '@crimestats/store';
import { createTestDatabase, type TestDatabase } from '@crimestats/store/testing';
import { parseAtomFeed, tableRows } from '@crimestats/testkit/atom-feed';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ReportingApp } from './app.ts';
import { bearer, buildTestApp, capturingLogger, TOKENS } from './testing/reporting-fixture.ts';
import { fakeSubscriptionSettings } from './testing/subscriptions-fixture.ts';

const SOUTH_DERBYSHIRE = 'E07000039';
const DERBY_CITY = 'E06000015';
const AMBER_VALLEY = 'E07000032';
const BOLSOVER = 'E07000033';
const analyst = bearer(TOKENS.analyst);
const board = bearer(TOKENS.board);
const southDerbyshire = bearer(TOKENS.southDerbyshire);
const PUBLIC = 'https://crime.example.org';
const FEED_URL = /^https:\/\/crime\.example\.org\/feeds\/([A-Za-z0-9_-]{43})\.atom$/;
const T0 = Date.parse('2026-02-01T10:00:00Z');

const figures = (area: string, name: string, volume: number): FiguresEventData => ({
  area: { code: area, name },
  periods: [
    {
      period: { start: '2025-01', end: '2025-12', months: 12 },
      categories: [
        {
          code: 'burglary',
          name: 'Burglary',
          volume,
          ratePer1000: 8.4049999,
          rank: 4,
          previousVolume: 1200,
          volumeChange: volume - 1200,
          percentChange: ((volume - 1200) / 1200) * 100,
          complete: true,
          significant: false,
        },
      ],
    },
  ],
  links: {
    comparisons: `${PUBLIC}/v1/comparisons?category=total-recorded-crime&period=2025-12&months=12`,
    dashboard: `${PUBLIC}/?area=${area}&period=2025-12&months=12`,
  },
});

const event = (
  id: string,
  area: string,
  name: string,
  at: number,
  volume = 1234,
): StoredFigureEvent => ({
  id,
  area,
  createdAtMs: at,
  data: figures(area, name, volume),
  subscriptionIds: [],
  source: { name: 'crimestats.figures-updated.v1', partition: 0, offset: at },
});

describe('private Atom feeds on the real store', () => {
  let db: TestDatabase;
  let store: Store;
  let app: ReportingApp;
  const logs = capturingLogger();

  beforeAll(async () => {
    db = await createTestDatabase('server', inject('clickhouseUrl'));
    await migrate(db.client, db.database);
    store = createStore(db.client, db.database);
    const fake = fakeSubscriptionSettings();
    app = await buildTestApp(db, {
      subscriptions: { ...fake.settings, publicUrl: PUBLIC },
      logger: logs.logger,
    });
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
  const created = async (area: string, headers: Record<string, string> = analyst) => {
    const res = await call('POST', '/v1/feeds', headers, { area });
    expect(res.statusCode).toBe(201);
    return CreatedFeedSchema.parse(res.json());
  };
  /** What a feed reader does: GET the URL, with no authorization header. */
  const read = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url: new URL(url).pathname, headers });
  const tokenOf = (url: string): string => FEED_URL.exec(url)?.[1] ?? '';

  it('makes a feed whose private URL is shown once, its token stored only as a hash', async () => {
    const res = await call('POST', '/v1/feeds', analyst, { area: SOUTH_DERBYSHIRE });
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json()).sort()).toEqual(['area', 'createdAt', 'id', 'url']);
    const feed = CreatedFeedSchema.parse(res.json());
    expect(feed.area).toBe(SOUTH_DERBYSHIRE);
    expect(feed.id).toMatch(/^feed_[A-Za-z0-9_-]{22}$/);
    expect(feed.url).toMatch(FEED_URL);
    const token = tokenOf(feed.url);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(res.headers.location).toBe(`/v1/feeds/${feed.id}`);

    const one = await call('GET', `/v1/feeds/${feed.id}`);
    const { url: _url, ...shown } = feed;
    expect(one.json()).toEqual(shown);
    const list = await call('GET', '/v1/feeds');
    expect(list.json().feeds).toContainEqual(shown);
    for (const body of [one.body, list.body]) expect(body).not.toContain(token);

    const rows = await db.client.query({
      query: `SELECT * FROM \`${db.database}\`.feeds WHERE id = '${feed.id}'`,
      format: 'JSONEachRow',
    });
    const stored = await rows.json<Record<string, unknown>>();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.['token_hash']).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(token);

    expect((await read(feed.url)).statusCode).toBe(200);
    expect(logs.lines.join('\n')).toContain('/feeds/[hidden]');
    expect(logs.lines.join('\n')).not.toContain(token);
  });

  it("serves the area's events as a valid Atom 1.0 feed, newest first, without a token header", async () => {
    await store.figureEvents.insert([
      event('evt_sd1', SOUTH_DERBYSHIRE, 'South Derbyshire', T0, 1100),
      event('evt_sd3', SOUTH_DERBYSHIRE, 'South Derbyshire', T0 + 2 * 3_600_000, 1234),
      event('evt_sd2', SOUTH_DERBYSHIRE, 'South Derbyshire', T0 + 3_600_000, 1300),
      event('evt_dc1', DERBY_CITY, 'Derby City', T0 + 4 * 3_600_000),
    ]);
    const feed = await created(SOUTH_DERBYSHIRE);
    const res = await read(feed.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, max-age=60');
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(res.headers['last-modified']).toBe(new Date(T0 + 2 * 3_600_000).toUTCString());

    const atom = parseAtomFeed(res.body);
    expect(atom.violations).toEqual([]);
    expect(atom).toMatchObject({
      id: `urn:crimestats:feed:${feed.id}`,
      title: 'South Derbyshire: crime figures',
      updated: '2026-02-01T12:00:00.000Z',
      authors: ['crimestats'],
    });
    expect(atom.links).toEqual([
      { rel: 'self', type: 'application/atom+xml', href: feed.url },
      { rel: 'alternate', type: 'text/html', href: `${PUBLIC}/?area=${SOUTH_DERBYSHIRE}` },
    ]);
    expect(atom.entries.map((e) => [e.id, e.updated])).toEqual([
      ['urn:crimestats:event:evt_sd3', '2026-02-01T12:00:00.000Z'],
      ['urn:crimestats:event:evt_sd2', '2026-02-01T11:00:00.000Z'],
      ['urn:crimestats:event:evt_sd1', '2026-02-01T10:00:00.000Z'],
    ]);
    const [newest] = atom.entries;
    expect(newest?.title).toBe('South Derbyshire: crime figures to Dec 2025 updated');
    expect(newest?.links).toEqual([
      {
        rel: 'alternate',
        type: 'text/html',
        href: figures(SOUTH_DERBYSHIRE, 'South Derbyshire', 0).links.dashboard,
      },
    ]);
    // 8.4049999 → 8.40 (not 8.41), 34 / 1200 → 2.8333… % → 2.8%, as the plan prints.
    expect(tableRows(newest!.div!)).toEqual([
      [
        'Category',
        'Volume',
        'Rate per 1,000',
        'Rank',
        'Previous 12 months',
        'Change',
        '% change',
        'Complete',
      ],
      ['Burglary', '1,234', '8.40', '4', '1,200', '34', '2.8%', 'yes'],
    ]);
    expect(tableRows(atom.entries[2]!.div!)[1]).toEqual([
      'Burglary',
      '1,100',
      '8.40',
      '4',
      '1,200',
      '-100',
      '-8.3%',
      'yes',
    ]);

    // Stable: the same entries on the next poll, and in another feed of the same area.
    const again = parseAtomFeed((await read(feed.url)).body);
    expect(again.entries.map((e) => e.id)).toEqual(atom.entries.map((e) => e.id));
    const other = await created(SOUTH_DERBYSHIRE);
    const otherAtom = parseAtomFeed((await read(other.url)).body);
    expect(otherAtom.id).not.toBe(atom.id);
    expect(otherAtom.entries.map((e) => e.id)).toEqual(atom.entries.map((e) => e.id));
  });

  it('holds at most the newest 50 events, and is updated when made until there is one', async () => {
    const feed = await created(AMBER_VALLEY);
    const empty = parseAtomFeed((await read(feed.url)).body);
    expect(empty.violations).toEqual([]);
    expect(empty.entries).toEqual([]);
    expect(empty.updated).toBe(feed.createdAt);

    await store.figureEvents.insert(
      Array.from({ length: 55 }, (_, i) =>
        event(`evt_av${String(i).padStart(2, '0')}`, AMBER_VALLEY, 'Amber Valley', T0 + i * 1000),
      ),
    );
    const full = parseAtomFeed((await read(feed.url)).body);
    expect(full.violations).toEqual([]);
    expect(full.entries).toHaveLength(50);
    expect(full.entries[0]?.id).toBe('urn:crimestats:event:evt_av54');
    expect(full.entries.at(-1)?.id).toBe('urn:crimestats:event:evt_av05');
    const times = full.entries.map((e) => Date.parse(e.updated));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('answers 304 while nothing changed, by ETag or by date', async () => {
    await store.figureEvents.insert([event('evt_b1', BOLSOVER, 'Bolsover', T0)]);
    const feed = await created(BOLSOVER);
    const first = await read(feed.url);
    const etag = String(first.headers.etag);
    const byTag = await read(feed.url, { 'if-none-match': etag });
    expect(byTag.statusCode).toBe(304);
    expect(byTag.body).toBe('');
    expect(byTag.headers.etag).toBe(etag);
    const lastModified = String(first.headers['last-modified']);
    expect((await read(feed.url, { 'if-modified-since': lastModified })).statusCode).toBe(304);

    await store.figureEvents.insert([event('evt_b2', BOLSOVER, 'Bolsover', T0 + 60_000)]);
    const changed = await read(feed.url, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect((await read(feed.url, { 'if-modified-since': lastModified })).statusCode).toBe(200);
  });

  it('follows the subscription role rules', async () => {
    const own = await created(SOUTH_DERBYSHIRE, southDerbyshire);
    expect(own.area).toBe(SOUTH_DERBYSHIRE);
    const theirs = await call('POST', '/v1/feeds', southDerbyshire, { area: DERBY_CITY });
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json().error).toMatch(/E07000039's feeds, not E06000015's/);
    const byBoard = await call('POST', '/v1/feeds', board, { area: SOUTH_DERBYSHIRE });
    expect(byBoard.statusCode).toBe(403);
    expect(byBoard.json().error).toMatch(/may only read feeds/);

    const derby = await created(DERBY_CITY);
    expect((await call('DELETE', `/v1/feeds/${derby.id}`, southDerbyshire)).statusCode).toBe(403);
    expect((await call('DELETE', `/v1/feeds/${derby.id}`, board)).statusCode).toBe(403);
    expect((await call('GET', `/v1/feeds/${derby.id}`, southDerbyshire)).statusCode).toBe(403);
    expect((await call('GET', `/v1/feeds/${derby.id}`, board)).statusCode).toBe(200);
    const seen = await call('GET', '/v1/feeds', southDerbyshire);
    const areas = new Set(seen.json().feeds.map((f: { area: string }) => f.area));
    expect([...areas]).toEqual([SOUTH_DERBYSHIRE]);
    expect((await call('GET', `/v1/feeds?area=${DERBY_CITY}`, southDerbyshire)).statusCode).toBe(
      403,
    );
    const boardList = await call('GET', `/v1/feeds?area=${DERBY_CITY}`, board);
    expect(boardList.json().feeds.map((f: { id: string }) => f.id)).toContain(derby.id);

    expect((await call('POST', '/v1/feeds', {}, { area: SOUTH_DERBYSHIRE })).statusCode).toBe(401);
    expect((await call('GET', '/v1/feeds', {})).statusCode).toBe(401);
    const rollup = await call('POST', '/v1/feeds', analyst, { area: 'E10000007' });
    expect(rollup.statusCode).toBe(400);
    expect(rollup.json().parameter).toBe('area');
    const extra = await call('POST', '/v1/feeds', analyst, { area: SOUTH_DERBYSHIRE, url: 'x' });
    expect(extra.statusCode).toBe(400);
  });

  it('revokes a feed: 204, then its URL and id answer 404', async () => {
    const feed = await created(SOUTH_DERBYSHIRE, southDerbyshire);
    expect((await read(feed.url)).statusCode).toBe(200);
    const revoked = await call('DELETE', `/v1/feeds/${feed.id}`, southDerbyshire);
    expect(revoked.statusCode).toBe(204);
    expect(revoked.body).toBe('');

    const gone = await read(feed.url);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toEqual({ error: 'no such feed' });
    expect((await call('GET', `/v1/feeds/${feed.id}`)).statusCode).toBe(404);
    expect((await call('DELETE', `/v1/feeds/${feed.id}`)).json()).toEqual({
      error: `no feed "${feed.id}"`,
      parameter: 'id',
    });
    const list = await call('GET', '/v1/feeds');
    expect(list.json().feeds.map((f: { id: string }) => f.id)).not.toContain(feed.id);
  });

  it('answers 404 alike for an unknown token, a malformed one, and another path', async () => {
    const unknown = Buffer.alloc(32, 1).toString('base64url');
    for (const path of [`/feeds/${unknown}.atom`, '/feeds/short.atom', '/feeds/.atom']) {
      const res = await app.inject({ method: 'GET', url: path });
      expect({ path, status: res.statusCode }).toEqual({ path, status: 404 });
      expect(res.json()).toEqual({ error: 'no such feed' });
    }
    const other = await app.inject({ method: 'GET', url: `/feeds/${unknown}.xml` });
    expect(other.statusCode).toBe(404);
    expect(other.json().error).toMatch(/^no route GET/);
  });

  it('lists the feeds as their schema says, without URLs', async () => {
    const res = await call('GET', '/v1/feeds');
    for (const feed of res.json().feeds) {
      expect(FeedSchema.strict().safeParse(feed).success).toBe(true);
    }
  });
});

describe('a feed read over the network by a reader that sends no headers', () => {
  let db: TestDatabase;
  let app: ReportingApp;

  beforeAll(async () => {
    db = await createTestDatabase('server', inject('clickhouseUrl'));
    await migrate(db.client, db.database);
    // No public address configured: URLs are made from the address the request came to.
    app = await buildTestApp(db, { subscriptions: fakeSubscriptionSettings().settings });
    await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  it('is served at the URL the answer gave', async () => {
    const { port } = app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    await createStore(db.client, db.database).figureEvents.insert([
      event('evt_net', SOUTH_DERBYSHIRE, 'South Derbyshire', T0),
    ]);
    const made = await fetch(`${base}/v1/feeds`, {
      method: 'POST',
      headers: { ...analyst, 'content-type': 'application/json' },
      body: JSON.stringify({ area: SOUTH_DERBYSHIRE }),
    });
    expect(made.status).toBe(201);
    const feed = CreatedFeedSchema.parse(await made.json());
    expect(feed.url.startsWith(`${base}/feeds/`)).toBe(true);

    const res = await fetch(feed.url);
    expect(res.status).toBe(200);
    const atom = parseAtomFeed(await res.text());
    expect(atom.violations).toEqual([]);
    expect(atom.links.find((l) => l.rel === 'self')?.href).toBe(feed.url);
    expect(atom.entries.map((e) => e.id)).toEqual(['urn:crimestats:event:evt_net']);
  });
});
