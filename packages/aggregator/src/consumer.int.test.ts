import { createServerTestDatabase, type TestDatabase } from '@crimestats/store/testing';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import pino from 'pino';
import { Publisher } from '@crimestats/kafka';
import { DeadLetterSchema, MonthlyRecordSchema, type DeadLetter } from '@crimestats/contracts';
import { defaultReference } from '@crimestats/domain';
import { createStore, migrate, type Store } from '@crimestats/store';
import { createTestTopics, type TestTopics } from '@crimestats/testkit';
import { startAggregatorConsumer, type RunningConsumer } from './consumer.ts';
import { kafkaUpdatesSink } from './kafka-updates-sink.ts';
import { aggregatorMetrics } from './metrics.ts';
import { RecordProcessor } from './record-processor.ts';
import { caughtUp, eventually } from './testing/consumer-harness.ts';
import { comparable } from './testing/comparable.ts';
import { planRecords } from './testing/plan-records.ts';
import type { AggregatorTopics } from './topics.ts';

const logger = pino({ level: 'silent' });

describe('aggregator consumer on the real broker and server', () => {
  let t: TestTopics;
  let topics: AggregatorTopics;
  let db: TestDatabase;
  let store: Store;
  let publisher: Publisher;
  const running: RunningConsumer[] = [];

  beforeEach(async () => {
    t = await createTestTopics(inject('kafkaBrokers'), [
      'records',
      'populations',
      'dlq',
      'updates',
    ]);
    topics = {
      records: t.topics.records!,
      populations: t.topics.populations!,
      deadLetter: t.topics.dlq!,
      figuresUpdated: t.topics.updates!,
    };
    db = await createServerTestDatabase(inject('clickhouseUrl'));
    await migrate(db.client, db.database);
    store = createStore(db.client, db.database);
    publisher = await Publisher.connect(t.kafka, logger);
  });
  afterEach(async () => {
    for (const c of running.splice(0)) await c.stop();
    await publisher?.disconnect();
    await db?.cleanup();
    await t?.cleanup();
  });

  const start = async (): Promise<RunningConsumer> => {
    const processor = new RecordProcessor({
      store,
      reference: { ...defaultReference, forceCode: 'E23000018' },
      windows: [12],
      updates: kafkaUpdatesSink(publisher, topics.figuresUpdated),
      logger,
    });
    const consumer = await startAggregatorConsumer({
      kafka: t.kafka,
      groupId: t.groupId,
      topics,
      processor,
      publisher,
      logger,
      metrics: aggregatorMetrics(),
    });
    running.push(consumer);
    return consumer;
  };

  const readDeadLetters = async (expected: number): Promise<DeadLetter[]> => {
    const consumer = t.kafka.consumer({ groupId: `${t.groupId}-dlq-reader`, sessionTimeout: 6000 });
    await consumer.connect();
    await consumer.subscribe({ topic: topics.deadLetter, fromBeginning: true });
    const letters: DeadLetter[] = [];
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          letters.push(DeadLetterSchema.parse(JSON.parse(message.value!.toString())));
          if (letters.length >= expected) resolve();
        },
      });
    });
    await consumer.disconnect();
    return letters;
  };

  it('stores figures, sends poison to the dead-letter topic without stopping, and a replay from the start changes nothing', async () => {
    const records = planRecords();
    const producer = t.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: topics.records,
      messages: [
        { key: 'E07000039', value: 'this is not json' },
        { key: 'E07000039', value: JSON.stringify({ areaCode: 'E07000039', count: -1 }) },
        ...records.map((r) => ({
          key: r.areaCode,
          value: JSON.stringify(MonthlyRecordSchema.parse(r)),
        })),
      ],
    });
    await producer.disconnect();

    const consumer = await start();
    await eventually('the group to catch up', async () =>
      caughtUp(t.kafka, t.groupId, topics.records),
    );
    expect(consumer.ready()).toBe(true);
    const figures = await store.figures.read({
      category: 'total-recorded-crime',
      months: 12,
      periodEnd: '2025-12',
    });
    expect(figures.find((f) => f.areaCode === 'E07000039')?.volume).toBe(6267);
    expect(figures.find((f) => f.areaCode === 'E23000018')?.volume).toBe(84621);

    const letters = await readDeadLetters(2);
    expect(letters.map((l) => [l.reason, l.key, l.source.topic, l.source.offset])).toEqual([
      ['not-json', 'E07000039', topics.records, '0'],
      ['schema', 'E07000039', topics.records, '1'],
    ]);
    expect(letters[0]!.value).toBe('this is not json');
    expect(letters[1]!.error).toMatch(/category/);

    const before = comparable(
      await store.figures.readRange({
        categories: ['total-recorded-crime'],
        months: 12,
        fromEnd: '2024-01',
        toEnd: '2025-12',
      }),
    );
    for (const c of running.splice(0)) await c.stop();
    const admin = t.kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: t.groupId, topic: topics.records, earliest: true });
    await admin.disconnect();
    expect(await caughtUp(t.kafka, t.groupId, topics.records)).toBe(false);
    await start();
    await eventually('the replay to catch up', async () =>
      caughtUp(t.kafka, t.groupId, topics.records),
    );
    const after = comparable(
      await store.figures.readRange({
        categories: ['total-recorded-crime'],
        months: 12,
        fromEnd: '2024-01',
        toEnd: '2025-12',
      }),
    );
    expect(after).toEqual(before);
  });
});
