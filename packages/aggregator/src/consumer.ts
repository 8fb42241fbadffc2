import {
  DeadLetterSchema,
  MonthlyRecordSchema,
  PopulationRecordSchema,
  type DeadLetter,
  type MonthlyRecord,
  type PopulationRecord,
} from '@crimestats/contracts';
import type { Publisher } from '@crimestats/kafka';
import type { EachBatchPayload, Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { retryUntilDone } from './backoff.ts';
import { decodeMessage } from './decode.ts';
import type { AggregatorMetrics } from './metrics.ts';
import type { RecordProcessor } from './record-processor.ts';
import type { AggregatorTopics } from './topics.ts';

export interface AggregatorConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topics: AggregatorTopics;
  processor: RecordProcessor;
  /** Publishes dead letters (and is the same producer that publishes figures-updated notices). */
  publisher: Publisher;
  logger: Logger;
  metrics: AggregatorMetrics;
}

export interface RunningConsumer {
  /** True once the consumer has joined its group and until it crashes or stops. */
  ready(): boolean;
  /** Finishes the batch in hand (or abandons its retries, uncommitted), then leaves the group. */
  stop(): Promise<void>;
}

/**
 * Consumes records and populations. Per partition batch: poison messages go to the dead-letter
 * topic, the rest are stored and their figures recomputed, and only then is the offset committed,
 * so a crash at any point replays the batch, and replays change nothing.
 */
export async function startAggregatorConsumer(
  opts: AggregatorConsumerOptions,
): Promise<RunningConsumer> {
  const { kafka, topics, processor, publisher, logger, metrics } = opts;
  const consumer = kafka.consumer({
    groupId: opts.groupId,
    sessionTimeout: 30_000,
    heartbeatInterval: 3_000,
    allowAutoTopicCreation: false,
  });
  let ready = false;
  let stopping = false;
  consumer.on(consumer.events.GROUP_JOIN, () => (ready = true));
  consumer.on(consumer.events.CRASH, (event) => {
    ready = false;
    logger.error({ err: event.payload.error }, 'consumer crashed');
  });
  consumer.on(consumer.events.STOP, () => (ready = false));

  const handleBatch = async ({
    batch,
    heartbeat,
    isRunning,
    isStale,
    resolveOffset,
  }: EachBatchPayload): Promise<void> => {
    if (batch.messages.length === 0) return;
    const source = { topic: batch.topic, partition: batch.partition };
    const isRecords = batch.topic === topics.records;
    const now = new Date();
    const records: MonthlyRecord[] = [];
    const populations: PopulationRecord[] = [];
    const dead: DeadLetter[] = [];
    for (const message of batch.messages) {
      const decoded = isRecords
        ? decodeMessage(message, MonthlyRecordSchema, source, now)
        : decodeMessage(message, PopulationRecordSchema, source, now);
      if (!decoded.ok) dead.push(decoded.deadLetter);
      else if (isRecords) records.push(decoded.value as MonthlyRecord);
      else populations.push(decoded.value as PopulationRecord);
    }
    const log = logger.child({
      ...source,
      firstOffset: batch.firstOffset(),
      lastOffset: batch.lastOffset(),
    });
    await retryUntilDone(
      async () => {
        if (dead.length > 0) {
          await publisher.publish(
            topics.deadLetter,
            DeadLetterSchema,
            dead.map((d) => ({ key: d.key ?? '', value: d })),
          );
        }
        const result = isRecords
          ? await processor.processRecords(records)
          : await processor.processPopulations(populations);
        metrics.recomputeSeconds.observe(result.recomputeMs / 1000);
        log.info(
          {
            records: result.records,
            deadLetters: dead.length,
            figures: result.figures,
            updates: result.updates,
            recomputeMs: Math.round(result.recomputeMs),
          },
          'batch stored',
        );
      },
      {
        logger: log,
        what: 'storing a batch',
        heartbeat,
        shouldStop: () => stopping || !isRunning() || isStale(),
        onAttemptFailed: () => metrics.failedAttempts.inc(),
      },
    );
    for (const d of dead) {
      metrics.deadLetters.inc({ topic: batch.topic, reason: d.reason });
      log.warn(
        { offset: d.source.offset, reason: d.reason, error: d.error },
        'sent to dead-letter topic',
      );
    }
    metrics.recordsConsumed.inc({ topic: batch.topic }, records.length + populations.length);
    // Committed only now that the figures it guards are stored.
    await consumer.commitOffsets([
      { ...source, offset: (BigInt(batch.lastOffset()) + 1n).toString() },
    ]);
    // kafkajs fetches from resolved offsets, not committed ones: without this every fetch would
    // deliver the partition's history since the consumer started again.
    resolveOffset(batch.lastOffset());
    metrics.consumerLag.set(
      { ...source, partition: String(batch.partition) },
      Number(batch.offsetLag()),
    );
  };

  await consumer.connect();
  await consumer.subscribe({ topics: [topics.records, topics.populations], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: 1,
    eachBatch: handleBatch,
  });
  return {
    ready: () => ready,
    stop: async () => {
      stopping = true;
      await consumer.disconnect();
    },
  };
}
