import { FiguresUpdatedSchema, type FiguresUpdated } from '@crimestats/contracts';
import { Publisher } from '@crimestats/kafka';
import { newWebhookSecret } from '@crimestats/webhooks';
import { createStore, migrate, type Store } from '@crimestats/store';
import { createServerTestDatabase, type TestDatabase } from '@crimestats/store/testing';
import {
  createTestTopics,
  eventually,
  startServiceProcess,
  startWebhookReceiver,
  type WebhookReceiver,
  type ServiceProcess,
  type TestTopics,
} from '@crimestats/testkit';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';

const main = join(import.meta.dirname, 'main.ts');
const logger = pino({ level: 'silent' });

const notice = (areaCode: string, volume: number): FiguresUpdated => ({
  areaCode,
  category: 'total-recorded-crime',
  months: 12,
  periodEnd: '2025-12',
  before: null,
  after: {
    volume,
    ratePer1000: volume / 107.3,
    rank: 2,
    previousVolume: volume - 10,
    percentChange: 1000 / (volume - 10),
    complete: true,
    significant: false,
  },
  changed: ['volume'],
  computedAt: '2026-01-01T00:00:00.000Z',
});

describe('notifier killed with SIGKILL in the middle of deliveries', () => {
  let t: TestTopics;
  let db: TestDatabase;
  let store: Store;
  let receiver: WebhookReceiver;
  const children: ChildProcess[] = [];

  beforeEach(async () => {
    t = await createTestTopics(inject('kafkaBrokers'), ['updates', 'dlq']);
    db = await createServerTestDatabase(inject('clickhouseUrl'));
    await migrate(db.client, db.database);
    store = createStore(db.client, db.database);
  });
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    await receiver?.close();
    await db?.cleanup();
    await t?.cleanup();
  });

  const startService = (): ServiceProcess => {
    const service = startServiceProcess(main, 'notifier started', {
      KAFKA_BROKERS: inject('kafkaBrokers').join(','),
      CLICKHOUSE_URL: inject('clickhouseUrl'),
      CLICKHOUSE_DATABASE: db.database,
      NOTIFIER_GROUP_ID: t.groupId,
      TOPIC_FIGURES_UPDATED: t.topics.updates!,
      TOPIC_FIGURES_UPDATED_DEAD_LETTER: t.topics.dlq!,
      CRIMESTATS_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
      NOTIFIER_QUIET_MS: '100',
    });
    children.push(service.child);
    return service;
  };

  it('delivers every event after a restart, each to its own area, with the ids it had', async () => {
    const secrets = new Map([
      ['/south', newWebhookSecret()],
      ['/city', newWebhookSecret()],
    ]);
    receiver = await startWebhookReceiver(secrets);
    const subscribe = (id: string, area: string, path: string) =>
      store.subscriptions.create({
        id,
        area,
        url: `${receiver.url}${path}`,
        categories: [],
        secret: secrets.get(path)!,
        createdAt: new Date().toISOString(),
      });
    await subscribe('sub_south', 'E07000039', '/south');
    await subscribe('sub_city', 'E06000015', '/city');
    receiver.hold = true;

    const first = startService();
    await first.address();
    const publisher = await Publisher.connect(t.kafka, logger);
    await publisher.publish(
      t.topics.updates!,
      FiguresUpdatedSchema,
      [notice('E07000039', 6267), notice('E06000015', 30_000)].map((n) => ({
        key: n.areaCode,
        value: n,
      })),
    );
    await publisher.disconnect();
    // Both attempts are in flight, unanswered, when the process dies.
    await receiver.until((r) => r.held >= 2);
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');
    const pending = await store.deliveries.list({ status: 'pending', limit: 10 });
    expect(pending).toHaveLength(2);

    receiver.hold = false;
    const second = startService();
    await second.address();
    await receiver.until((r) => r.received.length >= 2);
    await eventually('both deliveries recorded as delivered', async () => {
      const delivered = await store.deliveries.list({ status: 'delivered', limit: 10 });
      return delivered.length === 2;
    });
    const byPath = new Map(receiver.received.map((d) => [d.path, d]));
    expect(
      (byPath.get('/south')?.payload as { data: { area: { code: string } } }).data.area.code,
    ).toBe('E07000039');
    expect(
      (byPath.get('/city')?.payload as { data: { area: { code: string } } }).data.area.code,
    ).toBe('E06000015');
    // The ids are the stored deliveries': a repeat would carry the same id, never a new one.
    expect(new Set(receiver.received.map((d) => d.id))).toEqual(new Set(pending.map((d) => d.id)));
  }, 180_000);
});
