import type { FiguresEventData } from '@crimestats/contracts';
import { createStore, type Store, type StoredDelivery } from '@crimestats/store';
import { clickhouseEngines, withMigratedDatabase } from '@crimestats/store/testing';
import { newWebhookSecret, parseAllowList } from '@crimestats/webhooks';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SendWebhook } from './attempt.ts';
import type { RetryPolicy } from './backoff.ts';
import { GONE_ERROR } from './delivery-state.ts';
import { Dispatcher } from './dispatcher.ts';
import { deliveryIdOf } from './ids.ts';
import { notifierMetrics } from './metrics.ts';
import { retryDelivery, RetryRefused } from './retry-delivery.ts';
import { createSender } from './sender.ts';
import { startReceiver, type Answer, type Receiver } from './testing/receiver.ts';

// Real deliveries to a receiver on 127.0.0.1, records in a real database. Nothing waits on time:
// a test waits for the receiver to see a request, then stops the dispatcher, which returns once
// every attempt under way has been recorded. A delivery due at start is attempted within start(),
// so `start(); stop()` makes exactly the attempts due then.

const AREA = 'E07000039';
const secret = newWebhookSecret();
const send: SendWebhook = createSender({ allow: parseAllowList('127.0.0.1') });
const logger = pino({ level: 'silent' });
// Waits of 10 ms (half of a 20 ms bound); only a short window makes a delivery die.
const fast: Partial<RetryPolicy> = { baseMs: 20, capMs: 100, retryForMs: 60 * 60_000 };
const half = () => 0.5;

const data: FiguresEventData = {
  area: { code: AREA, name: 'South Derbyshire' },
  periods: [],
  links: { comparisons: 'http://127.0.0.1/v1/comparisons', dashboard: 'http://127.0.0.1/' },
};

interface Seeded {
  deliveryId: string;
  delivery: StoredDelivery;
}

/** A subscription to `url`, an event for it made a second ago, and (unless not) its pending state. */
async function seed(
  store: Store,
  url: string,
  opts: { subscriptionId?: string; eventId?: string; withState?: boolean } = {},
): Promise<Seeded> {
  const subscriptionId = opts.subscriptionId ?? 'sub_1';
  const eventId = opts.eventId ?? 'evt_1';
  const createdAtMs = Date.now() - 1_000;
  const createdAt = new Date(createdAtMs).toISOString();
  if ((await store.subscriptions.get(subscriptionId)) === undefined) {
    await store.subscriptions.create({
      id: subscriptionId,
      area: AREA,
      categories: [],
      url,
      secret,
      createdAt,
    });
  }
  const source = { name: 'crimestats.figures-updated.v1', partition: 0, offset: 1 };
  await store.figureEvents.insert([
    { id: eventId, area: AREA, createdAtMs, data, subscriptionIds: [subscriptionId], source },
  ]);
  const deliveryId = deliveryIdOf(eventId, subscriptionId);
  const delivery: StoredDelivery = {
    id: deliveryId,
    eventId,
    subscriptionId,
    area: AREA,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: createdAt,
    lastError: null,
    createdAt,
    updatedAt: createdAt,
    version: 1,
  };
  if (opts.withState !== false) await store.deliveries.saveStates([delivery]);
  return { deliveryId, delivery };
}

const receivers: Receiver[] = [];
async function receiver(answer: (n: number) => Answer): Promise<Receiver> {
  const r = await startReceiver(answer);
  receivers.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const dispatcher = (
  store: Store,
  extra: Partial<ConstructorParameters<typeof Dispatcher>[0]> = {},
) =>
  new Dispatcher({
    store,
    send,
    policy: fast,
    clock: () => Date.now(),
    random: half,
    logger,
    ...extra,
  });

describe.each(clickhouseEngines)('the dispatcher (%s)', (engine) => {
  it('retries a failing receiver with the same webhook-id until it answers 2xx', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const store = createStore(db.client, db.database);
      const r = await receiver((n) => ({ status: n <= 2 ? 500 : 204 }));
      const { deliveryId } = await seed(store, `${r.origin}/hook`);
      const registry = new Registry();
      const metrics = notifierMetrics(registry);
      const d = dispatcher(store, { metrics });
      await d.start();
      const seen = await r.seen(3);
      await d.stop(10_000);

      expect(seen.map((s) => s.headers['webhook-id'])).toEqual([
        deliveryId,
        deliveryId,
        deliveryId,
      ]);
      expect(new Set(seen.map((s) => s.body)).size).toBe(1);
      for (const s of seen) {
        expect(() => new Webhook(secret).verify(s.body, s.headers as never)).not.toThrow();
      }
      const attempts = await store.deliveries.attempts('sub_1', 10);
      expect(attempts.map((a) => [a.attempt, a.outcome, a.statusCode, a.error])).toEqual([
        [3, 'delivered', 204, null],
        [2, 'failed', 500, 'HTTP 500'],
        [1, 'failed', 500, 'HTTP 500'],
      ]);
      expect(await store.deliveries.get(deliveryId)).toMatchObject({
        status: 'delivered',
        attempts: 3,
        nextAttemptAt: null,
        lastError: null,
        version: 4,
      });
      expect(d.pendingCount()).toBe(0);
      expect(d.oldestPendingAgeMs()).toBeNull();
      const text = await registry.metrics();
      expect(text).toContain('crimestats_notifier_deliveries_total{outcome="failed"} 2');
      expect(text).toContain('crimestats_notifier_deliveries_total{outcome="delivered"} 1');
      expect(text).toContain('crimestats_notifier_delivery_attempt_seconds_count 3');
      expect(text).toContain('crimestats_notifier_pending_deliveries 0');
      expect(text).toContain('crimestats_notifier_oldest_pending_seconds 0');
    });
  });

  it('disables the subscription and cancels the delivery on 410 Gone', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const store = createStore(db.client, db.database);
      const r = await receiver(() => ({ status: 410 }));
      const { deliveryId } = await seed(store, r.origin);
      const d = dispatcher(store);
      await d.start();
      await d.stop(10_000);
      expect(r.received).toHaveLength(1);
      expect(await store.subscriptions.get('sub_1')).toMatchObject({ status: 'disabled' });
      expect(await store.deliveries.get(deliveryId)).toMatchObject({
        status: 'cancelled',
        attempts: 1,
        lastError: GONE_ERROR,
      });
      const [attempt] = await store.deliveries.attempts('sub_1', 10);
      expect(attempt).toMatchObject({ outcome: 'gone', statusCode: 410 });
    });
  });

  it('cancels, unsent, a delivery whose subscription was removed or disabled', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const store = createStore(db.client, db.database);
      const r = await receiver(() => ({ status: 204 }));
      const removed = await seed(store, r.origin, { subscriptionId: 'sub_gone' });
      const disabled = await seed(store, r.origin, { subscriptionId: 'sub_off' });
      await store.subscriptions.remove('sub_gone');
      await store.subscriptions.setStatus('sub_off', 'disabled');
      const d = dispatcher(store);
      await d.start();
      await d.stop(10_000);
      expect(r.received).toHaveLength(0);
      expect(await store.deliveries.get(removed.deliveryId)).toMatchObject({
        status: 'cancelled',
        attempts: 0,
        lastError: 'subscription removed',
      });
      expect(await store.deliveries.get(disabled.deliveryId)).toMatchObject({
        status: 'cancelled',
        lastError: 'subscription disabled',
      });
    });
  });

  it('gives up after the retry window, and a manual retry then delivers', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const store = createStore(db.client, db.database);
      const r = await receiver((n) => ({ status: n === 1 ? 503 : 200 }));
      // The event is a second old and the window half a second: the first failure is the last.
      const { deliveryId } = await seed(store, r.origin);
      const d = dispatcher(store, { policy: { ...fast, retryForMs: 500 } });
      await d.start();
      await d.stop(10_000);
      expect(await store.deliveries.get(deliveryId)).toMatchObject({
        status: 'dead',
        attempts: 1,
        nextAttemptAt: null,
        lastError: 'HTTP 503',
      });

      const retried = await retryDelivery(store, send, deliveryId);
      expect(retried.attempt).toMatchObject({ outcome: 'delivered', statusCode: 200 });
      expect(retried.delivery).toMatchObject({ status: 'delivered', attempts: 2, version: 3 });
      expect(await store.deliveries.get(deliveryId)).toMatchObject({ status: 'delivered' });
      expect(r.received.map((s) => s.headers['webhook-id'])).toEqual([deliveryId, deliveryId]);
      const attempts = await store.deliveries.attempts('sub_1', 10);
      expect(attempts.map((a) => [a.attempt, a.statusCode])).toEqual([
        [2, 200],
        [1, 503],
      ]);
      await expect(retryDelivery(store, send, deliveryId)).rejects.toMatchObject({
        reason: 'not-dead',
      });
      await expect(retryDelivery(store, send, 'msg_none')).rejects.toBeInstanceOf(RetryRefused);
    });
  });

  it('a manual retry that fails again leaves the delivery dead, with the attempt recorded', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const store = createStore(db.client, db.database);
      const r = await receiver(() => ({ status: 500 }));
      const { deliveryId } = await seed(store, r.origin);
      const d = dispatcher(store, { policy: { ...fast, retryForMs: 0 } });
      await d.start();
      await d.stop(10_000);
      const again = await dispatcher(store).deliverNow(deliveryId);
      expect(again.attempt.outcome).toBe('failed');
      expect(again.delivery).toMatchObject({ status: 'dead', attempts: 2, lastError: 'HTTP 500' });
      expect(await store.deliveries.get(deliveryId)).toMatchObject({ status: 'dead', attempts: 2 });
      expect(r.received).toHaveLength(2);
    });
  });

  it('loses nothing across a restart: a new dispatcher delivers what the last left pending', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const store = createStore(db.client, db.database);
      let up = false;
      let deliveredAt: (() => void) | undefined;
      const delivered = new Promise<void>((resolve) => (deliveredAt = resolve));
      const r = await receiver(() => {
        if (!up) return { status: 500 };
        deliveredAt!();
        return { status: 204 };
      });
      const { deliveryId } = await seed(store, r.origin);
      const first = dispatcher(store);
      await first.start();
      await r.seen(1);
      await first.stop(10_000);
      const left = await store.deliveries.get(deliveryId);
      expect(left).toMatchObject({ status: 'pending', lastError: 'HTTP 500' });
      expect(left!.attempts).toBeGreaterThanOrEqual(1);
      expect(left!.attempts).toBe(r.received.length);

      up = true;
      const second = dispatcher(store);
      await second.start();
      expect(second.pendingCount()).toBe(1);
      await delivered;
      await second.stop(10_000);
      expect(await store.deliveries.get(deliveryId)).toMatchObject({
        status: 'delivered',
        attempts: left!.attempts + 1,
      });
      expect(new Set(r.received.map((s) => s.headers['webhook-id']))).toEqual(
        new Set([deliveryId]),
      );
    });
  });

  it('delivers an event stored without any delivery state', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const store = createStore(db.client, db.database);
      const r = await receiver(() => ({ status: 202 }));
      const { deliveryId } = await seed(store, r.origin, { withState: false });
      expect(await store.deliveries.get(deliveryId)).toBeUndefined();
      const d = dispatcher(store);
      await d.start();
      await d.stop(10_000);
      expect(r.received.map((s) => s.headers['webhook-id'])).toEqual([deliveryId]);
      expect(await store.deliveries.get(deliveryId)).toMatchObject({
        status: 'delivered',
        eventId: 'evt_1',
        subscriptionId: 'sub_1',
        attempts: 1,
        version: 2,
      });
    });
  });

  it('attempts enqueued deliveries once each, many at a time, in few inserts', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const store = createStore(db.client, db.database);
      const r = await receiver(() => ({ status: 204 }));
      const seeded: Seeded[] = [];
      for (let i = 0; i < 30; i++) {
        seeded.push(
          await seed(store, r.origin, { subscriptionId: `sub_${i}`, eventId: `evt_${i}` }),
        );
      }
      const inserts = vi.spyOn(store.deliveries, 'recordAttempts');
      const d = dispatcher(store, { concurrency: 4 });
      const all = seeded.map((s) => s.delivery);
      d.enqueue(all);
      // Enqueued twice (and loaded at start again): still one attempt each.
      d.enqueue(all);
      expect(d.pendingCount()).toBe(30);
      await d.start();
      await r.seen(30);
      await d.stop(10_000);
      expect(r.received).toHaveLength(30);
      expect(new Set(r.received.map((s) => s.headers['webhook-id'])).size).toBe(30);
      const states = await store.deliveries.states(seeded.map((s) => s.deliveryId));
      expect([...states.values()].every((s) => s.status === 'delivered')).toBe(true);
      expect(inserts.mock.calls.length).toBeLessThan(30);
      expect(inserts.mock.calls.flat(2)).toHaveLength(30);
    });
  });
});
