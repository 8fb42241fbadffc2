import { hashToken, TokenRegistry } from '@crimestats/auth';
import { defaultReference } from '@crimestats/domain';
import { replyNotFound, replyToError } from '@crimestats/http';
import type { AttemptResult, RetryDelivery } from '@crimestats/notifier';
import { unconfiguredTransport } from '@crimestats/digests';
import { reportStore } from '@crimestats/reporting';
import { buildReportingApp, type ReportingApp } from '@crimestats/reporting-http';
import {
  createStore,
  migrate,
  type ClickHouseTarget,
  type Store,
  type StoredDelivery,
} from '@crimestats/store';
import {
  clickhouseEngines,
  createTestDatabase,
  type TestDatabase,
} from '@crimestats/store/testing';
import { NOTHING_ALLOWED } from '@crimestats/webhooks';
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { UserError } from '../../user-error.ts';
import type { WebhookDelivery } from '../../webhook-delivery.ts';
import { SUBSCRIPTION_CHANGES } from '../up.ts';
import { forwardChanges, forwardReads } from '../../up/local-server.ts';
import type { SubscriptionsClient } from './client.ts';
import { serverSubscriptionsClient } from './server-client.ts';
import { storeSubscriptionsClient } from './store-client.ts';

const TOKEN = 'analyst-secret-token';
const HOOK = 'https://hooks.example.org/crimestats';
const AT = '2026-02-01T09:00:00.000Z';
const ATTEMPT: AttemptResult = {
  outcome: 'delivered',
  statusCode: 200,
  durationMs: 5,
  error: null,
};

function targetFor(engine: TestDatabase['engine']): ClickHouseTarget {
  return engine === 'server'
    ? { kind: 'server', url: inject('clickhouseUrl') }
    : { kind: 'embedded', path: ':memory:' };
}

const dead = (id: string): StoredDelivery => ({
  id,
  eventId: `evt_${id}`,
  subscriptionId: 'sub_gone',
  area: 'E07000039',
  status: 'dead',
  attempts: 8,
  nextAttemptAt: null,
  lastError: 'receiver answered 500',
  createdAt: AT,
  updatedAt: AT,
  version: 1,
});

/** The notifier's retry, faked: the delivery is delivered on this attempt. */
const fakeRetry =
  (store: Store): RetryDelivery =>
  async (id) => {
    const before = await store.deliveries.get(id);
    const after = { ...before!, status: 'delivered' as const, attempts: 9, version: 2 };
    await store.deliveries.saveStates([after]);
    return { delivery: after, attempt: ATTEMPT };
  };

/** A user error's exit status and message, to compare what both clients say. */
async function refusal(work: Promise<unknown>): Promise<{ exitCode: number; message: string }> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  const { exitCode, message } = error as UserError;
  return { exitCode, message };
}

describe.each(clickhouseEngines)(
  'subscriptions commands against the store and a server (%s)',
  (engine) => {
    let db: TestDatabase;
    let store: Store;
    let reporting: ReportingApp;
    let outer: FastifyInstance;
    let clients: Record<'store' | 'server', SubscriptionsClient>;

    beforeAll(async () => {
      db = await createTestDatabase(engine, inject('clickhouseUrl'));
      await migrate(db.client, db.database);
      store = createStore(db.client, db.database);
      const delivery: WebhookDelivery = {
        sendFrom: () => async () => ATTEMPT,
        retry: fakeRetry,
        mail: unconfiguredTransport('not in this test'),
      };
      const figures = reportStore(db.client, db.database);
      reporting = await buildReportingApp({
        store: { client: db.client, database: db.database },
        reference: defaultReference,
        tokens: new TokenRegistry([
          { name: 'local-analyst', role: 'analyst', hash: hashToken(TOKEN) },
        ]),
        logger: pino({ level: 'silent' }),
        metrics: new Registry(),
        subscriptions: {
          allow: NOTHING_ALLOWED,
          send: delivery.sendFrom(figures),
          retry: delivery.retry(figures),
        },
      });
      // As `crimestats up` serves it: the reporting app behind the one listener's forwarding.
      outer = Fastify();
      outer.setErrorHandler(replyToError);
      outer.setNotFoundHandler(replyNotFound);
      forwardReads(outer, reporting, ['/v1/*']);
      forwardChanges(outer, reporting, SUBSCRIPTION_CHANGES);
      const url = await outer.listen({ host: '127.0.0.1', port: 0 });
      clients = {
        store: storeSubscriptionsClient(
          { target: targetFor(engine), database: db.database, migrate: false },
          NOTHING_ALLOWED,
          delivery,
        ),
        server: serverSubscriptionsClient({ url, token: TOKEN }),
      };
    });
    afterAll(async () => {
      await outer?.close();
      await db?.cleanup();
    });

    it('adds, lists and removes the same way through either', async () => {
      for (const [via, client] of Object.entries(clients)) {
        const created = await client.add({ area: 'E07000039', url: HOOK, categories: ['drugs'] });
        expect(created).toMatchObject({ area: 'E07000039', url: HOOK, categories: ['drugs'] });
        if (!('secret' in created)) throw new Error('a webhook subscription has a secret');
        expect(created.secret).toMatch(/^whsec_/);
        const { secret: _secret, ...shown } = created;
        for (const reader of Object.values(clients)) {
          expect(await reader.list('E07000039'), via).toContainEqual(shown);
          expect(await reader.list('E06000015'), via).not.toContainEqual(shown);
        }
        await client.remove(created.id);
        expect((await clients.store.list()).map((s) => s.id)).not.toContain(created.id);
      }
    });

    it('refuses the same inputs with the same messages and exit statuses', async () => {
      const cases = [
        { area: 'E07999999', url: HOOK },
        { area: 'E07000039', url: 'http://127.0.0.1/' },
        { area: 'E07000039', url: 'https://10.0.0.1/' },
        { area: 'E07000039', url: HOOK, categories: ['nope'] },
      ];
      for (const input of cases) {
        const [fromStore, fromServer] = await Promise.all([
          refusal(clients.store.add(input)),
          refusal(clients.server.add(input)),
        ]);
        expect(fromServer).toEqual(fromStore);
        expect(fromStore.exitCode).toBe(2);
      }
      expect((await refusal(clients.store.add(cases[0]!))).message).toMatch(
        /^--area: unknown area "E07999999"; subscribe to one of: /,
      );
      expect((await refusal(clients.store.add(cases[2]!))).message).toBe(
        '--url: the URL is refused: the address 10.0.0.1 is private',
      );
      expect((await refusal(clients.store.add(cases[3]!))).message).toMatch(
        /^--category: unknown category "nope"/,
      );
      for (const client of Object.values(clients)) {
        expect(await refusal(client.remove('sub_nobody'))).toEqual({
          exitCode: 1,
          message: 'no subscription "sub_nobody"',
        });
      }
    });

    it('lists dead deliveries and retries one, refusing one that is not dead', async () => {
      await store.deliveries.saveStates([dead('msg_store'), dead('msg_server')]);
      for (const client of Object.values(clients)) {
        const ids = (await client.deliveries({ status: 'dead', limit: 100 })).map((d) => d.id);
        expect(ids.sort()).toEqual(expect.arrayContaining(['msg_server', 'msg_store']));
      }
      for (const [via, client] of Object.entries(clients)) {
        const id = `msg_${via}`;
        const retried = await client.retry(id);
        expect(retried.attempt).toEqual(ATTEMPT);
        expect(retried.delivery).toMatchObject({ id, status: 'delivered', attempts: 9 });
        expect(retried.delivery).not.toHaveProperty('version');
        expect(await refusal(client.retry(id))).toEqual({
          exitCode: 1,
          message: `delivery ${id} is delivered; only a dead delivery can be retried`,
        });
        expect(await refusal(client.retry('msg_nobody'))).toEqual({
          exitCode: 1,
          message: 'no delivery "msg_nobody"',
        });
      }
    });
  },
);
