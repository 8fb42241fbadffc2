import { DeadLetterSchema, type DeadLetter } from '@crimestats/contracts';
import { defaultReference } from '@crimestats/domain';
import { Publisher } from '@crimestats/kafka';
import { createStore, migrate, type Store } from '@crimestats/store';
import { createServerTestDatabase, type TestDatabase } from '@crimestats/store/testing';
import { createTestTopics, uniqueName, type TestTopics } from '@crimestats/testkit';
import pino from 'pino';
import {
  startAggregatorConsumer,
  type AggregatorConsumerOptions,
  type RunningConsumer,
} from '../consumer.ts';
import { kafkaUpdatesSink } from '../kafka-updates-sink.ts';
import { aggregatorMetrics, type AggregatorMetrics } from '../metrics.ts';
import { RecordProcessor } from '../record-processor.ts';
import type { AggregatorTopics } from '../topics.ts';
import { caughtUp, eventually } from '@crimestats/testkit';

const logger = pino({ level: 'silent' });

export interface ConsumerFixture {
  t: TestTopics;
  topics: AggregatorTopics;
  db: TestDatabase;
  /** The test database's store, for reading what the consumer wrote. */
  store: Store;
  publisher: Publisher;
  /** Starts a consumer over `store` (the test database's unless given). */
  start(options?: {
    store?: Store;
    stuckAfterMs?: number;
    retry?: AggregatorConsumerOptions['retry'];
    /**
     * A processor and the reference it figures with, with the checks of a live reference;
     * Derbyshire's default reference and a processor over it unless given.
     */
    figuring?: Pick<
      AggregatorConsumerOptions,
      'processor' | 'reference' | 'reloadReference' | 'refreshReference'
    >;
  }): Promise<{ consumer: RunningConsumer; metrics: AggregatorMetrics }>;
  stopConsumers(): Promise<void>;
  /** Sends raw messages as a producer outside the pipeline would, in order. */
  send(topic: string, messages: { key: string; value: string }[]): Promise<void>;
  /** Waits until the group has committed every partition of `topic` to its end. */
  caughtUp(topic: string, timeoutMs?: number): Promise<void>;
  /** Every message on a dead-letter topic, in offset order (one partition). */
  deadLetters(topic: string): Promise<DeadLetter[]>;
  cleanup(): Promise<void>;
}

/** Real topics, a real migrated database and consumers over them, for one test. */
export async function consumerFixture(
  brokers: string[],
  clickhouseUrl: string,
): Promise<ConsumerFixture> {
  const t = await createTestTopics(brokers, ['records', 'populations', 'dlq', 'popdlq', 'updates']);
  const topics: AggregatorTopics = {
    records: t.topics.records!,
    populations: t.topics.populations!,
    deadLetter: t.topics.dlq!,
    populationsDeadLetter: t.topics.popdlq!,
    figuresUpdated: t.topics.updates!,
  };
  const db = await createServerTestDatabase(clickhouseUrl);
  await migrate(db.client, db.database);
  const store = createStore(db.client, db.database);
  const publisher = await Publisher.connect(t.kafka, logger);
  const running: RunningConsumer[] = [];

  const stopConsumers = async () => {
    for (const c of running.splice(0)) await c.stop();
  };
  return {
    t,
    topics,
    db,
    store,
    publisher,
    start: async (options = {}) => {
      const metrics = aggregatorMetrics();
      const reference = { ...defaultReference, forceCode: 'E23000018' };
      const figuring = options.figuring ?? {
        reference,
        processor: new RecordProcessor({
          store: options.store ?? store,
          reference,
          windows: [12],
          updates: kafkaUpdatesSink(publisher, topics.figuresUpdated),
          logger,
        }),
      };
      const consumer = await startAggregatorConsumer({
        kafka: t.kafka,
        groupId: t.groupId,
        topics,
        ...figuring,
        publisher,
        logger,
        metrics,
        ...(options.stuckAfterMs === undefined ? {} : { stuckAfterMs: options.stuckAfterMs }),
        ...(options.retry === undefined ? {} : { retry: options.retry }),
      });
      running.push(consumer);
      return { consumer, metrics };
    },
    stopConsumers,
    send: async (topic, messages) => {
      const producer = t.kafka.producer();
      await producer.connect();
      try {
        await producer.send({ topic, messages });
      } finally {
        await producer.disconnect();
      }
    },
    caughtUp: async (topic, timeoutMs = 60_000) => {
      await eventually(
        `${topic} to be committed to its end`,
        () => caughtUp(t.kafka, t.groupId, topic),
        timeoutMs,
      );
    },
    deadLetters: (topic) => readDeadLetters(t, topic),
    cleanup: async () => {
      await stopConsumers();
      await publisher.disconnect();
      await db.cleanup();
      await t.cleanup();
    },
  };
}

/** Every dead letter on a topic, from its start to its current end, in offset order. */
export async function readDeadLetters(t: TestTopics, topic: string): Promise<DeadLetter[]> {
  const admin = t.kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const total = ends.reduce((n, p) => n + Number(BigInt(p.high) - BigInt(p.low)), 0);
  if (total === 0) return [];
  // A group of its own each time: a group that has read the topic before would start past it.
  const consumer = t.kafka.consumer({
    groupId: uniqueName(`${t.groupId}-reader`),
    sessionTimeout: 6000,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const letters: { partition: number; offset: bigint; letter: DeadLetter }[] = [];
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ partition, message }) => {
        letters.push({
          partition,
          offset: BigInt(message.offset),
          letter: DeadLetterSchema.parse(JSON.parse(message.value!.toString())),
        });
        if (letters.length >= total) resolve();
      },
    });
  });
  await consumer.disconnect();
  return letters
    .sort((a, b) => a.partition - b.partition || Number(a.offset - b.offset))
    .map((l) => l.letter);
}
