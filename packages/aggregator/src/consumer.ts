import {
  MonthlyRecordSchema,
  PopulationRecordSchema,
  type MonthlyRecord,
  type PopulationRecord,
} from '@crimestats/contracts';
import type { Publisher } from '@crimestats/kafka';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import { refusePopulation, refuseRecord } from './admission.ts';
import type { RetryDelays } from './backoff.ts';
import type { AggregatorMetrics } from './metrics.ts';
import { handlePartitionBatch, type TopicHandling } from './partition-batch.ts';
import { describeStuck, PartitionHealth, type StuckPartition } from './partition-health.ts';
import type { RecordProcessor } from './record-processor.ts';
import type { AggregatorReference } from './reference.ts';
import type { AggregatorTopics } from './topics.ts';

/** Five minutes: far beyond a broker's or a server's restart, well within an operator's patience. */
export const DEFAULT_STUCK_AFTER_MS = 300_000;

/**
 * A quarter of a second: unnoticed beside a load's own time, and enough for a backfill's records
 * to gather into batches that recompute each force's periods once rather than file by file.
 */
export const DEFAULT_BATCH_WAIT_MS = 250;

/** What a fetch waits to gather (unless the wait runs out first), and at most takes. */
const BATCH_MIN_BYTES = 4 * 1024 * 1024;
const BATCH_MAX_BYTES_PER_PARTITION = 8 * 1024 * 1024;
const BATCH_MAX_BYTES = 32 * 1024 * 1024;

export interface AggregatorConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topics: AggregatorTopics;
  processor: RecordProcessor;
  /** The reference data the processor figures with: records it does not know are dead-lettered. */
  reference: AggregatorReference;
  /**
   * Reads `reference` again (a live one, see ReferenceSource) before a batch's unknown records or
   * populations are dead-lettered, and after each batch is processed, so a load stored meanwhile
   * has the batch processed again with it (see TopicHandling.recheckReference); true if it
   * changed. Absent, the reference is fixed.
   */
  reloadReference?: () => Promise<boolean>;
  /** Checks `reference` for a load at most every few seconds, before each batch (see above). */
  refreshReference?: () => Promise<boolean>;
  /** Publishes dead letters (and is the same producer that publishes figures-updated notices). */
  publisher: Publisher;
  logger: Logger;
  metrics: AggregatorMetrics;
  /** How long a partition may keep failing without a commit before readiness reports it stuck. */
  stuckAfterMs?: number;
  /** Backoff between attempts while Kafka or ClickHouse is unavailable. */
  retry?: RetryDelays;
  /** How long a fetch may wait for more records to make a larger batch; 0 takes what is there. */
  batchWaitMs?: number;
}

export interface RunningConsumer {
  /** True once the consumer has joined its group and until it crashes or stops. */
  ready(): boolean;
  /** Partitions failing, without a commit, for longer than `stuckAfterMs`. */
  stuckPartitions(): StuckPartition[];
  /** Why the consumer is not doing its work (not joined, or partitions stuck), or undefined. */
  notReady(): string | undefined;
  /** Finishes the batch in hand (or abandons its retries, uncommitted), then leaves the group. */
  stop(): Promise<void>;
}

/**
 * Consumes records and populations, a partition batch at a time (see handlePartitionBatch): poison
 * goes to its topic's dead-letter topic once, the rest is stored and its figures recomputed, and
 * offsets are committed only past what is stored or dead-lettered, so a crash at any point
 * replays, and replays change nothing.
 */
export async function startAggregatorConsumer(
  opts: AggregatorConsumerOptions,
): Promise<RunningConsumer> {
  const { kafka, topics, processor, reference, logger } = opts;
  const consumer = kafka.consumer({
    groupId: opts.groupId,
    sessionTimeout: 30_000,
    heartbeatInterval: 3_000,
    allowAutoTopicCreation: false,
    ...batchSizing(opts.batchWaitMs ?? DEFAULT_BATCH_WAIT_MS),
  });
  const health = new PartitionHealth(opts.stuckAfterMs ?? DEFAULT_STUCK_AFTER_MS);
  let ready = false;
  let stopping = false;
  consumer.on(consumer.events.GROUP_JOIN, (event) => {
    health.assigned(event.payload.memberAssignment);
    ready = true;
  });
  consumer.on(consumer.events.CRASH, (event) => {
    ready = false;
    logger.error({ err: event.payload.error }, 'consumer crashed');
  });
  consumer.on(consumer.events.STOP, () => (ready = false));

  const records: TopicHandling<MonthlyRecord> = {
    schema: MonthlyRecordSchema,
    refuse: (record) => refuseRecord(record, reference),
    reloadReference: opts.reloadReference,
    refreshReference: opts.refreshReference,
    recheckReference: opts.reloadReference,
    process: (values) => processor.processRecords(values),
    deadLetterTopic: topics.deadLetter,
  };
  const populations: TopicHandling<PopulationRecord> = {
    schema: PopulationRecordSchema,
    refuse: (population) => refusePopulation(population, reference),
    reloadReference: opts.reloadReference,
    refreshReference: opts.refreshReference,
    recheckReference: opts.reloadReference,
    process: (values) => processor.processPopulations(values),
    deadLetterTopic: topics.populationsDeadLetter,
  };
  const deps = {
    publisher: opts.publisher,
    commit: (source: { topic: string; partition: number }, offset: string) =>
      consumer.commitOffsets([{ ...source, offset }]),
    logger,
    metrics: opts.metrics,
    health,
    retry: opts.retry ?? {},
    stopping: () => stopping,
  };

  await consumer.connect();
  await consumer.subscribe({ topics: [topics.records, topics.populations], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: 1,
    eachBatch: (payload) =>
      payload.batch.topic === topics.records
        ? handlePartitionBatch(payload, records, deps)
        : handlePartitionBatch(payload, populations, deps),
  });
  return {
    ready: () => ready,
    stuckPartitions: () => health.stuck(),
    notReady: () => (ready ? describeStuck(health.stuck()) : 'not consuming yet, or shutting down'),
    stop: async () => {
      stopping = true;
      await consumer.disconnect();
    },
  };
}

/**
 * Each batch recomputes every period its months reach, so a backfill read file by file recomputes
 * each period many times over; a fetch that waits briefly for megabytes of records lets one batch
 * cover many months of a force.
 */
function batchSizing(waitMs: number): {
  minBytes: number;
  maxWaitTimeInMs: number;
  maxBytesPerPartition: number;
  maxBytes: number;
} {
  return {
    minBytes: waitMs > 0 ? BATCH_MIN_BYTES : 1,
    maxWaitTimeInMs: Math.max(waitMs, 1),
    maxBytesPerPartition: BATCH_MAX_BYTES_PER_PARTITION,
    maxBytes: BATCH_MAX_BYTES,
  };
}
