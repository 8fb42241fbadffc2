import { hashToken, TokenRegistry } from '@crimestats/auth';
import { CreatedFeedSchema } from '@crimestats/contracts';
import { defaultReference } from '@crimestats/domain';
import { replyNotFound, replyToError } from '@crimestats/http';
import { buildReportingApp, type ReportingApp } from '@crimestats/reporting-http';
import { createStore, migrate } from '@crimestats/store';
import { createTestDatabase, type TestDatabase } from '@crimestats/store/testing';
import { parseAtomFeed } from '@crimestats/testkit/atom-feed';
import { NOTHING_ALLOWED } from '@crimestats/webhooks';
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REPORTING_READS, SUBSCRIPTION_CHANGES } from '../commands/up.ts';
import { forwardChanges, forwardReads } from './local-server.ts';

const TOKEN = 'analyst-secret-token';

describe("Atom feeds on `crimestats up`'s one port", () => {
  let db: TestDatabase;
  let reporting: ReportingApp;
  let outer: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    db = await createTestDatabase('server', inject('clickhouseUrl'));
    await migrate(db.client, db.database);
    reporting = await buildReportingApp({
      store: { client: db.client, database: db.database },
      reference: defaultReference,
      tokens: new TokenRegistry([{ name: 'analyst', role: 'analyst', hash: hashToken(TOKEN) }]),
      logger: pino({ level: 'silent' }),
      metrics: new Registry(),
      subscriptions: {
        allow: NOTHING_ALLOWED,
        send: async () => ({ outcome: 'delivered', statusCode: 200, durationMs: 1, error: null }),
        retry: async () => {
          throw new Error('no retries here');
        },
      },
    });
    // As `crimestats up` serves it: the reporting app behind the one listener's forwarding.
    outer = Fastify();
    outer.setErrorHandler(replyToError);
    outer.setNotFoundHandler(replyNotFound);
    forwardReads(outer, reporting, REPORTING_READS);
    forwardChanges(outer, reporting, SUBSCRIPTION_CHANGES);
    base = await outer.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await outer?.close();
    await db?.cleanup();
  });

  it('makes, serves and revokes a feed through the forwarding', async () => {
    await createStore(db.client, db.database).figureEvents.insert([
      {
        id: 'evt_up',
        area: 'E07000039',
        createdAtMs: Date.parse('2026-02-01T10:00:00Z'),
        data: {
          area: { code: 'E07000039', name: 'South Derbyshire' },
          periods: [],
          links: { comparisons: `${base}/v1/comparisons`, dashboard: `${base}/?area=E07000039` },
        },
        subscriptionIds: [],
        source: { name: 'test', partition: 0, offset: 1 },
      },
    ]);
    const auth = { authorization: `Bearer ${TOKEN}` };
    const made = await fetch(`${base}/v1/feeds`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ area: 'E07000039' }),
    });
    expect(made.status).toBe(201);
    const feed = CreatedFeedSchema.parse(await made.json());
    expect(feed.url.startsWith(`${base}/feeds/`)).toBe(true);

    const res = await fetch(feed.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const etag = res.headers.get('etag') ?? '';
    const atom = parseAtomFeed(await res.text());
    expect(atom.violations).toEqual([]);
    expect(atom.entries.map((e) => e.id)).toEqual(['urn:crimestats:event:evt_up']);
    expect((await fetch(feed.url, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const revoked = await fetch(`${base}/v1/feeds/${feed.id}`, { method: 'DELETE', headers: auth });
    expect(revoked.status).toBe(204);
    expect((await fetch(feed.url)).status).toBe(404);
  });
});
