import { EventTail } from '@crimestats/notifier';
import { createStore, migrate, type Store, type StoredFigureEvent } from '@crimestats/store';
import { createTestDatabase, type TestDatabase } from '@crimestats/store/testing';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { ReportingApp } from './app.ts';
import { bearer, buildTestApp, TOKENS } from './testing/reporting-fixture.ts';
import { openSse, type SseClient } from './testing/sse-client.ts';

const SD = 'E07000039';
const DERBY = 'E06000015';
const analyst = bearer(TOKENS.analyst);

// Times from now, so the tail (which starts at the newest stored event) sees them as new.
let clock = Date.now();
const event = (id: string, area: string): StoredFigureEvent => ({
  id,
  area,
  createdAtMs: (clock += 1),
  data: {
    area: { code: area, name: area === SD ? 'South Derbyshire' : 'Derby City' },
    periods: [
      {
        period: { start: '2025-01', end: '2025-12', months: 12 },
        categories: [
          {
            code: 'total-recorded-crime',
            name: 'Total recorded crime',
            volume: 6267,
            ratePer1000: 58.76,
            rank: 6,
            previousVolume: 6448,
            volumeChange: -181,
            percentChange: -2.807,
            complete: true,
            significant: false,
          },
        ],
      },
    ],
    links: {
      comparisons: 'http://127.0.0.1/v1/comparisons?category=total-recorded-crime&period=2025-12',
      dashboard: `http://127.0.0.1/?area=${area}`,
    },
  },
  subscriptionIds: [],
  source: { name: 'crimestats.figures-updated.v1', partition: 0, offset: 0 },
});

const ids = (client: SseClient) => client.events.map((e) => e.id);
const live = (client: SseClient) =>
  client.until('the stream to go live', () => client.comments.includes('live'));

describe('GET /v1/areas/{code}/events on the real store (server)', () => {
  let db: TestDatabase;
  let store: Store;
  let app: ReportingApp;
  let base: string;
  let tail: EventTail;
  const clients: SseClient[] = [];

  const connect = async (path: string, headers: Record<string, string> = analyst) => {
    const client = await openSse(`${base}${path}`, headers);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    db = await createTestDatabase('server', inject('clickhouseUrl'));
    await migrate(db.client, db.database);
    store = createStore(db.client, db.database);
    tail = new EventTail({ store, logger: pino({ level: 'silent' }), pollMs: 50 });
    app = await buildTestApp(db, { events: { tail, heartbeatMs: 60_000 } });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    // Every stream let go of the tail once its client went away.
    await vi.waitFor(() => expect(tail.listenerCount).toBe(0), { timeout: 10_000 });
  });
  afterAll(async () => {
    await app?.close();
    tail?.stop();
    await db?.cleanup();
  });

  it("sends a CSP its own area's new events only, as figures.updated frames", async () => {
    const sd = await connect(`/v1/areas/${SD}/events`, bearer(TOKENS.southDerbyshire));
    const derby = await connect(`/v1/areas/${DERBY}/events`, bearer(TOKENS.derbyCity));
    expect(sd.status).toBe(200);
    expect(sd.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(sd.headers.get('cache-control')).toMatch(/^no-cache/);
    expect(sd.headers.get('x-accel-buffering')).toBe('no');
    // Written straight to the socket, past the app's hook, with the same security headers.
    expect(sd.headers.get('x-content-type-options')).toBe('nosniff');
    expect(sd.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    await Promise.all([live(sd), live(derby)]);

    const written = [event('evt_live_1', SD), event('evt_live_2', DERBY), event('evt_live_3', SD)];
    await store.figureEvents.insert(written);
    await sd.until('both South Derbyshire events', () => sd.events.length >= 2);
    await derby.until('the Derby City event', () => derby.events.length >= 1);
    // The Derby City event was stored between the two: had it been sent, it would be here.
    expect(ids(sd)).toEqual(['evt_live_1', 'evt_live_3']);
    expect(ids(derby)).toEqual(['evt_live_2']);
    expect(sd.events[0]?.event).toBe('figures.updated');
    expect(JSON.parse(sd.events[0]?.data ?? '')).toEqual(written[0]?.data);
  });

  it('refuses another area to a CSP token, an unknown area, no token and a bad id', async () => {
    const get = (url: string, headers: Record<string, string>) =>
      app.inject({ method: 'GET', url, headers });
    const other = await get(`/v1/areas/${DERBY}/events`, bearer(TOKENS.southDerbyshire));
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toMatch(/may read only its own area/);
    const unknown = await get('/v1/areas/E07999999/events', analyst);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('unknown area "E07999999"; see /v1/areas for the codes');
    expect((await get(`/v1/areas/${SD}/events`, {})).statusCode).toBe(401);
    const badId = await get(`/v1/areas/${SD}/events?lastEventId=a%0Ab`, analyst);
    expect(badId.statusCode).toBe(400);
    expect((await get(`/v1/areas/${SD}/events?since=1`, analyst)).statusCode).toBe(400);
    // Over a real connection too: a plain answer, not a stream.
    const res = await fetch(`${base}/v1/areas/${DERBY}/events`, {
      headers: bearer(TOKENS.southDerbyshire),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('resumes after Last-Event-ID: the missed events in order, then live ones', async () => {
    await store.figureEvents.insert([
      event('evt_r1', SD),
      event('evt_r2', SD),
      event('evt_r_other', DERBY),
      event('evt_r3', SD),
    ]);
    const byHeader = await connect(`/v1/areas/${SD}/events`, {
      ...analyst,
      'last-event-id': 'evt_r1',
    });
    // EventSource cannot set headers: the query names it; a reconnect's header wins over it.
    const byQuery = await connect(`/v1/areas/${SD}/events?lastEventId=evt_r2`, analyst);
    const both = await connect(`/v1/areas/${SD}/events?lastEventId=evt_r1`, {
      ...analyst,
      'last-event-id': 'evt_r2',
    });
    for (const client of [byHeader, byQuery, both]) await live(client);
    expect(ids(byHeader)).toEqual(['evt_r2', 'evt_r3']);
    expect(ids(byQuery)).toEqual(['evt_r3']);
    expect(ids(both)).toEqual(['evt_r3']);

    await store.figureEvents.insert([event('evt_r4', SD)]);
    await byHeader.until('the live event', () => byHeader.events.length === 3);
    expect(ids(byHeader)).toEqual(['evt_r2', 'evt_r3', 'evt_r4']);
    await byQuery.until('the live event', () => byQuery.events.length === 2);
    expect(ids(byQuery)).toEqual(['evt_r3', 'evt_r4']);
  });

  it("resends nothing for an unknown id or another area's, and at most the newest 100", async () => {
    await store.figureEvents.insert([event('evt_u_other', DERBY), event('evt_u1', SD)]);
    const unknown = await connect(`/v1/areas/${SD}/events`, {
      ...analyst,
      'last-event-id': 'evt_nope',
    });
    const otherArea = await connect(`/v1/areas/${SD}/events`, {
      ...analyst,
      'last-event-id': 'evt_u_other',
    });
    for (const client of [unknown, otherArea]) {
      await live(client);
      expect(client.events).toEqual([]);
      expect(client.comments).toContain('unknown Last-Event-ID; sending new events only');
    }

    const backlog = Array.from({ length: 105 }, (_, i) =>
      event(`evt_m${String(i).padStart(3, '0')}`, SD),
    );
    await store.figureEvents.insert(backlog);
    const behind = await connect(`/v1/areas/${SD}/events?lastEventId=evt_u1`);
    await live(behind);
    expect(ids(behind)).toEqual(backlog.slice(5).map((e) => e.id));
    expect(behind.comments).toContain(
      'more events were missed than are resent; the newest 100 follow',
    );
  });

  it('sends heartbeats and lets go of the tail when the client leaves', async () => {
    const quick = await buildTestApp(db, { events: { tail, heartbeatMs: 20 } });
    try {
      const url = await quick.listen({ host: '127.0.0.1', port: 0 });
      const client = await openSse(`${url}/v1/areas/${SD}/events`, analyst);
      await client.until(
        'two heartbeats',
        () => client.comments.filter((c) => c === 'heartbeat').length >= 2,
      );
      expect(tail.listenerCount).toBe(1);
      client.close();
      await client.ended;
      await vi.waitFor(() => expect(tail.listenerCount).toBe(0), { timeout: 10_000 });
    } finally {
      await quick.close();
    }
  });
});

describe.each(['server', 'chdb'] as const)('the stream on its own tail (%s)', (engine) => {
  it('delivers live events, and closing the app ends the stream', async () => {
    const db = await createTestDatabase(engine, inject('clickhouseUrl'));
    try {
      await migrate(db.client, db.database);
      const store = createStore(db.client, db.database);
      // No tail given: the app polls the store itself, at the default pace.
      const app = await buildTestApp(db);
      const url = await app.listen({ host: '127.0.0.1', port: 0 });
      const client = await openSse(`${url}/v1/areas/${SD}/events`, analyst);
      await live(client);
      await store.figureEvents.insert([event('evt_own_1', SD)]);
      await client.until('the event', () => client.events.length === 1);
      expect(ids(client)).toEqual(['evt_own_1']);
      await app.close();
      await client.ended;
    } finally {
      await db.cleanup();
    }
  });
});
