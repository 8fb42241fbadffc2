import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashToken, parseTokenEntries, TokenRegistry } from '@crimestats/auth';
import { defaultAreas, defaultCategories } from '@crimestats/domain';
import { listRoutes } from '@crimestats/http';
import {
  ensureIngestTopics,
  fileIngester,
  kafkaIngestSink,
  type IngestTopicNames,
} from '@crimestats/ingest';
import { Publisher } from '@crimestats/kafka';
import { createTestTopics, type TestTopics } from '@crimestats/testkit';
import { buildIngestApp, type IngestApp } from './app.ts';
import { ingestMetrics } from './metrics.ts';

// The ingest service as an attacker meets it: every route's access from Fastify's own route
// list, its headers, its rate limit, and its one route fuzzed. (Size limits: app.int.test.ts.)

const ANALYST = 'analyst-secret-token';
const LAPSED = 'lapsed-analyst-token';
const OPEN_BY_DESIGN = ['GET /healthz', 'GET /metrics', 'GET /readyz'];

describe('the ingest service against attackers, on the real broker', () => {
  let t: TestTopics;
  let publisher: Publisher;
  let app: IngestApp;
  const uploadDir = mkdtempSync(join(tmpdir(), 'crimestats-ingest-attack-'));

  beforeAll(async () => {
    const quiet = pino({ level: 'silent' });
    t = await createTestTopics(inject('kafkaBrokers'), ['records', 'populations']);
    const topics: IngestTopicNames = {
      records: t.topics.records!,
      populations: t.topics.populations!,
    };
    await ensureIngestTopics(t.kafka, quiet, topics);
    publisher = await Publisher.connect(t.kafka, quiet);
    app = await buildIngestApp({
      logger: quiet,
      tokens: new TokenRegistry(
        parseTokenEntries(
          `me:analyst:${hashToken(ANALYST)},old:analyst:${hashToken(LAPSED)}@2020-01-01T00:00:00Z`,
        ),
      ),
      ingestFile: fileIngester({
        areas: defaultAreas,
        categories: defaultCategories,
        force: defaultAreas.get('E23000018'),
        sink: kafkaIngestSink(publisher, topics),
      }),
      metrics: ingestMetrics(),
      maxUploadBytes: 64 * 1024,
      uploadDir,
      ready: () => true,
      rateLimit: { max: 1000, windowMs: 60_000 },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await publisher?.disconnect();
    await t?.cleanup();
    rmSync(uploadDir, { recursive: true, force: true });
  });

  it('opens only the probes; every other route refuses a missing, wrong or expired token', async () => {
    const routes = listRoutes(app);
    expect(routes.filter((r) => !r.includes(' /v1/')).sort()).toEqual(OPEN_BY_DESIGN);
    for (const route of routes.filter((r) => r.includes(' /v1/'))) {
      const [method, url] = route.split(' ') as ['POST', string];
      for (const authorization of [undefined, 'Bearer wrong', `Bearer ${LAPSED}`]) {
        const res = await app.inject({
          method,
          url: `${url}?filename=a.csv`,
          headers: {
            'content-type': 'text/csv',
            ...(authorization === undefined ? {} : { authorization }),
          },
          payload: 'a,b\n',
        });
        expect({ route, authorization, status: res.statusCode }).toEqual({
          route,
          authorization,
          status: 401,
        });
        if (authorization?.includes(LAPSED)) {
          expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
        }
      }
    }
  });

  it('sets nosniff and forbids framing on every answer', async () => {
    for (const route of [...listRoutes(app), 'GET /nowhere']) {
      const [method, url] = route.split(' ') as ['GET' | 'POST', string];
      const res = await app.inject({ method, url });
      expect({ route, nosniff: res.headers['x-content-type-options'] }).toEqual({
        route,
        nosniff: 'nosniff',
      });
      expect(res.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    }
  });

  it('answers any query, headers and body with a 2xx or 4xx, never a stack trace', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('', '../../etc/passwd', 'a.csv', 'a.zip', '%00', 'x'.repeat(300)),
    );
    const headerText = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);
    const trace = /\n\s+at |node:internal|\/work\/|\.[jt]s:\d+:\d+/;
    const wrong: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('filename', 'format', 'acceptValidRows', 'x'), text, {
          maxKeys: 4,
        }),
        fc.constantFrom('text/csv', 'application/zip', 'application/octet-stream', 'text/html'),
        fc.dictionary(fc.constantFrom('content-length', 'content-encoding', 'accept'), headerText, {
          maxKeys: 2,
        }),
        fc.oneof(fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 })),
        async (query, type, extra, body) => {
          // A declared length the body does not have only makes the client wait: leave it out.
          const { 'content-length': _length, ...headers } = extra;
          const res = await app.inject({
            method: 'POST',
            url: `/v1/uploads?${new URLSearchParams(query)}`,
            headers: { ...headers, 'content-type': type, authorization: `Bearer ${ANALYST}` },
            payload: typeof body === 'string' ? body : Buffer.from(body),
          });
          if (res.statusCode >= 500 || trace.test(res.body)) {
            wrong.push(`${JSON.stringify(query)} ${type}: ${res.statusCode} ${res.body}`);
          }
        },
      ),
      { numRuns: 40, seed: 20261202 },
    );
    expect(wrong).toEqual([]);
  }, 60_000);
});

describe("the ingest service's rate limit", () => {
  it('answers 429 with Retry-After once a token has spent its requests', async () => {
    const app = await buildIngestApp({
      logger: pino({ level: 'silent' }),
      tokens: new TokenRegistry(parseTokenEntries(`me:analyst:${hashToken(ANALYST)}`)),
      ingestFile: async () => {
        throw new Error('no upload reaches the ingester in this test');
      },
      metrics: ingestMetrics(),
      maxUploadBytes: 1024,
      ready: () => true,
      rateLimit: { max: 2, windowMs: 60_000 },
    });
    try {
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 3; i++) {
        last = await app.inject({
          method: 'POST',
          url: '/v1/uploads',
          headers: { authorization: `Bearer ${ANALYST}`, 'content-type': 'text/csv' },
          payload: 'a',
        });
        statuses.push(last.statusCode);
      }
      expect(statuses).toEqual([400, 400, 429]);
      expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
      expect(last?.json()).toEqual({ error: expect.stringMatching(/^too many requests/) });
    } finally {
      await app.close();
    }
  });
});
