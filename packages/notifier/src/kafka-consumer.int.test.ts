import { DeadLetterSchema, FiguresUpdatedSchema, type FiguresUpdated } from '@crimestats/contracts';
import { defaultAreas, defaultCategories } from '@crimestats/domain';
import { Publisher } from '@crimestats/kafka';
import { createStore, migrate, type Store, type StoredDelivery } from '@crimestats/store';
import { createServerTestDatabase, type TestDatabase } from '@crimestats/store/testing';
import { caughtUp, createTestTopics, eventually, type TestTopics } from '@crimestats/testkit';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { namesFrom } from './event-data.ts';
import { startNotifierConsumer, type RunningNotifierConsumer } from './kafka-consumer.ts';
import { Notifier } from './notifier.ts';

const logger = pino({ level: 'silent' });
const SECRET = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;

const notice = (areaCode: string, category: string, volume: number): FiguresUpdated => ({
  areaCode,
  category,
  months: 12,
  periodEnd: '2025-12',
  before: null,
  after: {
    volume,
    ratePer1000: volume / 100,
    rank: 1,
    previousVolume: volume - 1,
    percentChange: 1,
    complete: true,
    significant: false,
  },
  changed: ['volume'],
  computedAt: '2026-01-01T00:00:00.000Z',
});

describe('notifier consumer on the real broker and server', () => {
  let t: TestTopics;
  let db: TestDatabase;
  let store: Store;
  let publisher: Publisher;
  const running: RunningNotifierConsumer[] = [];
  const queued: StoredDelivery[] = [];

  beforeEach(async () => {
    t = await createTestTopics(inject('kafkaBrokers'), ['updates', 'dlq'], 1);
    db = await createServerTestDatabase(inject('clickhouseUrl'));
    await migrate(db.client, db.database);
    store = createStore(db.client, db.database);
    publisher = await Publisher.connect(t.kafka, logger);
    queued.length = 0;
  });
  afterEach(async () => {
    for (const consumer of running.splice(0)) await consumer.stop();
    await publisher?.disconnect();
    await db?.cleanup();
    await t?.cleanup();
  });

  const start = async () => {
    const consumer = await startNotifierConsumer({
      kafka: t.kafka,
      groupId: t.groupId,
      topic: t.topics.updates!,
      deadLetterTopic: t.topics.dlq!,
      store,
      publisher,
      logger,
      notifier: (commit) =>
        new Notifier({
          store,
          names: namesFrom(defaultAreas, defaultCategories),
          links: { publicUrl: 'http://127.0.0.1:8080' },
          queue: { enqueue: (deliveries) => queued.push(...deliveries) },
          source: t.topics.updates!,
          timing: { quietMs: 200, maxHoldMs: 2_000 },
          logger,
          onStored: commit,
        }),
    });
    running.push(consumer);
    return consumer;
  };

  it('makes one event per area of a load, with a delivery per subscription, dead-letters poison, and a replay sends nothing again', async () => {
    const base = {
      url: 'https://example.org/hook',
      secret: SECRET,
      createdAt: new Date().toISOString(),
    };
    await store.subscriptions.create({ ...base, id: 'sub_all', area: 'E07000039', categories: [] });
    await store.subscriptions.create({
      ...base,
      id: 'sub_robbery',
      area: 'E07000039',
      categories: ['robbery'],
    });
    await store.subscriptions.create({
      ...base,
      id: 'sub_city',
      area: 'E06000015',
      categories: [],
    });
    const notices = [
      notice('E07000039', 'burglary', 10),
      notice('E06000015', 'burglary', 50),
      notice('E07000039', 'total-recorded-crime', 100),
    ];
    await publisher.publish(
      t.topics.updates!,
      FiguresUpdatedSchema,
      notices.map((n) => ({ key: n.areaCode, value: n })),
    );
    const producer = t.kafka.producer();
    await producer.connect();
    await producer.send({ topic: t.topics.updates!, messages: [{ key: 'x', value: 'not json' }] });
    await producer.disconnect();

    await start();
    await eventually(
      'the topic to be committed',
      () => caughtUp(t.kafka, t.groupId, t.topics.updates!),
      60_000,
    );
    const south = await store.figureEvents.forArea('E07000039', undefined, 10);
    const city = await store.figureEvents.forArea('E06000015', undefined, 10);
    expect(south).toHaveLength(1);
    expect(city).toHaveLength(1);
    expect(south[0]!.data.periods[0]!.categories.map((c) => c.code)).toEqual([
      'burglary',
      'total-recorded-crime',
    ]);
    // The robbery-only subscription has nothing in this load.
    expect(south[0]!.subscriptionIds).toEqual(['sub_all']);
    expect(queued.map((d) => d.subscriptionId).sort()).toEqual(['sub_all', 'sub_city']);
    const pending = await store.deliveries.list({ status: 'pending', limit: 10 });
    expect(pending.map((d) => d.id).sort()).toEqual(queued.map((d) => d.id).sort());

    const dlqConsumer = t.kafka.consumer({ groupId: `${t.groupId}-dlq` });
    await dlqConsumer.connect();
    await dlqConsumer.subscribe({ topic: t.topics.dlq!, fromBeginning: true });
    const letters: unknown[] = [];
    await dlqConsumer.run({
      eachMessage: async ({ message }) => {
        letters.push(JSON.parse(message.value!.toString()));
      },
    });
    await eventually('a dead letter', async () => letters.length > 0, 60_000);
    await dlqConsumer.disconnect();
    expect(DeadLetterSchema.parse(letters[0]).reason).toBe('not-json');

    // Everything read again from the start: the stored marks skip it all.
    for (const consumer of running.splice(0)) await consumer.stop();
    const admin = t.kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: t.groupId, topic: t.topics.updates!, earliest: true });
    await admin.disconnect();
    queued.length = 0;
    await start();
    await eventually(
      'the topic to be committed again',
      () => caughtUp(t.kafka, t.groupId, t.topics.updates!),
      60_000,
    );
    expect(queued).toEqual([]);
    expect(await store.figureEvents.forArea('E07000039', undefined, 10)).toHaveLength(1);
  }, 180_000);
});
