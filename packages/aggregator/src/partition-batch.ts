import { DeadLetterSchema, type DeadLetter } from '@crimestats/contracts';
import type { Publisher } from '@crimestats/kafka';
import type { EachBatchPayload, KafkaMessage } from 'kafkajs';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Refusal } from './admission.ts';
import { retryUntilDone, type RetryDelays } from './backoff.ts';
import { deadLetterFor, decodeMessage, type MessageSource } from '@crimestats/kafka';
import { describeError, isPermanent } from './failures.ts';
import type { AggregatorMetrics } from './metrics.ts';
import type { PartitionHealth } from './partition-health.ts';
import type { ProcessResult } from './record-processor.ts';

/** How one source topic's messages are read, checked, stored and dead-lettered. */
export interface TopicHandling<T> {
  schema: z.ZodType<T>;
  refuse(value: T): Refusal | undefined;
  /**
   * Reads the reference data again before anything is refused for good, since what a message
   * names may have been loaded after the reference was read; true if it changed (the batch's
   * messages are then checked again). Absent, refusals stand.
   */
  reloadReference?(): Promise<boolean>;
  /**
   * Reads the reference data again if a load may have changed it since it was last checked (a
   * cheap, throttled check), before each batch: an area moved to another county counts from the
   * next batch on. Absent, the reference is fixed.
   */
  refreshReference?(): Promise<boolean>;
  /**
   * Checks now, after a batch is processed, whether a reference load was stored meanwhile; true
   * if so. The batch is then processed again with the new reference before it is committed: the
   * load's own recompute (`crimestats reference load`) may have run before this batch's figures,
   * computed with the old reference, were written, and they must not outlast it. Absent, the
   * batch's figures stand until the next batch of their forces.
   */
  recheckReference?(): Promise<boolean>;
  process(values: T[]): Promise<ProcessResult>;
  deadLetterTopic: string;
}

export interface PartitionBatchDeps {
  publisher: Publisher;
  /** Commits `offset` (the next to read) for the batch's partition. */
  commit(source: MessageSource, offset: string): Promise<void>;
  logger: Logger;
  metrics: AggregatorMetrics;
  health: PartitionHealth;
  retry: RetryDelays;
  stopping(): boolean;
}

type Entry<T> = { message: KafkaMessage; value: T } | { message: KafkaMessage; letter: DeadLetter };

/** The batch cut, in offset order, into runs of usable messages and runs of dead letters. */
type Run<T> =
  | { kind: 'usable'; entries: { message: KafkaMessage; value: T }[] }
  | { kind: 'dead'; entries: { message: KafkaMessage; letter: DeadLetter }[] };

function runsOf<T>(entries: Entry<T>[]): Run<T>[] {
  const runs: Run<T>[] = [];
  for (const entry of entries) {
    const kind = 'letter' in entry ? 'dead' : 'usable';
    const last = runs.at(-1);
    if (last?.kind === kind) (last.entries as Entry<T>[]).push(entry);
    else runs.push({ kind, entries: [entry] } as Run<T>);
  }
  return runs;
}

/**
 * One partition's batch, in offset order. Usable messages are stored and figured, poison is
 * dead-lettered, and after each run the partition's offset is committed past it. A dead letter is
 * so published once: a later run's retries never send it again, and after a restart the partition
 * resumes beyond it. (Only a crash between publishing it and committing repeats it.)
 *
 * Kafka or ClickHouse being unavailable is retried with backoff, for as long as it takes, and the
 * partition's health says for how long. A run that fails for good (the store refuses its data) is
 * halved until the messages at fault are found; they are dead-lettered as `unprocessable` and the
 * rest are stored.
 */
export async function handlePartitionBatch<T>(
  payload: EachBatchPayload,
  handling: TopicHandling<T>,
  deps: PartitionBatchDeps,
): Promise<void> {
  const { batch } = payload;
  if (batch.messages.length === 0) return;
  const source: MessageSource = { topic: batch.topic, partition: batch.partition };
  const log = deps.logger.child({
    ...source,
    firstOffset: batch.firstOffset(),
    lastOffset: batch.lastOffset(),
  });
  const now = new Date();
  const stale = () => deps.stopping() || !payload.isRunning() || payload.isStale();

  const retry = <R>(what: string, run: () => Promise<R>): Promise<R> =>
    retryUntilDone(run, {
      ...deps.retry,
      logger: log,
      what,
      heartbeat: payload.heartbeat,
      shouldStop: stale,
      isPermanent,
      onAttemptFailed: (error) => {
        deps.metrics.failedAttempts.inc();
        const failingMs = deps.health.failed(source.topic, source.partition, error);
        deps.metrics.partitionFailingSeconds.set(
          { topic: source.topic, partition: String(source.partition) },
          failingMs / 1000,
        );
      },
    });

  const commitPast = async (message: KafkaMessage) => {
    await retry('committing an offset', () =>
      deps.commit(source, (BigInt(message.offset) + 1n).toString()),
    );
    // kafkajs fetches from resolved offsets, not committed ones: without this every fetch would
    // deliver the partition's history since the consumer started again.
    payload.resolveOffset(message.offset);
    deps.health.committed(source.topic, source.partition);
    deps.metrics.partitionFailingSeconds.set(
      { topic: source.topic, partition: String(source.partition) },
      0,
    );
    // A batch may take several runs (or a search for poison): stay in the group meanwhile. A
    // rebalance is thrown to kafkajs, with everything done so far committed.
    await payload.heartbeat();
  };

  const recheck = handling.recheckReference?.bind(handling);
  const deadLetter = async (entries: { message: KafkaMessage; letter: DeadLetter }[]) => {
    await retry('publishing dead letters', () =>
      deps.publisher.publish(
        handling.deadLetterTopic,
        DeadLetterSchema,
        entries.map(({ letter }) => ({ key: letter.key ?? '', value: letter })),
      ),
    );
    for (const { letter } of entries) {
      deps.metrics.deadLetters.inc({ topic: source.topic, reason: letter.reason });
      log.warn(
        { offset: letter.source.offset, reason: letter.reason, error: letter.error },
        'sent to dead-letter topic',
      );
    }
    await commitPast(entries.at(-1)!.message);
  };

  const store = async (entries: { message: KafkaMessage; value: T }[]): Promise<void> => {
    try {
      const values = entries.map((e) => e.value);
      let result = await retry('storing a batch', () => handling.process(values));
      while (recheck !== undefined && (await retry('checking the reference data', recheck))) {
        if (stale()) return;
        log.info({ records: values.length }, 'reference data loaded during the batch: again');
        result = await retry('storing a batch', () => handling.process(values));
      }
      deps.metrics.recomputeSeconds.observe(result.recomputeMs / 1000);
      deps.metrics.recordsConsumed.inc({ topic: source.topic }, result.records);
      log.info(
        {
          records: result.records,
          figures: result.figures,
          updates: result.updates,
          recomputeMs: Math.round(result.recomputeMs),
        },
        'batch stored',
      );
    } catch (error) {
      if (!isPermanent(error) || stale()) throw error;
      if (entries.length === 1) {
        const { message } = entries[0]!;
        return deadLetter([
          {
            message,
            letter: deadLetterFor(message, source, 'unprocessable', describeError(error), now),
          },
        ]);
      }
      log.warn(
        { err: error, messages: entries.length },
        'messages that can never be stored; halving the run to find them',
      );
      const half = Math.ceil(entries.length / 2);
      await store(entries.slice(0, half));
      if (!stale()) await store(entries.slice(half));
      return;
    }
    await commitPast(entries.at(-1)!.message);
  };

  const decoded = batch.messages.map((message) => ({
    message,
    decoded: decodeMessage(message, handling.schema, source, now),
  }));
  let refused = false;
  const admit = () =>
    decoded.map(({ message, decoded }): Entry<T> => {
      if (!decoded.ok) return { message, letter: decoded.deadLetter };
      const refusal = handling.refuse(decoded.value);
      if (refusal === undefined) return { message, value: decoded.value };
      refused = true;
      return {
        message,
        letter: deadLetterFor(message, source, refusal.reason, refusal.error, now),
      };
    });
  const refresh = handling.refreshReference?.bind(handling);
  if (refresh !== undefined) await retry('checking the reference data', refresh);
  let entries = admit();
  // Once per batch: a reference load published before these records makes them known.
  const reload = handling.reloadReference?.bind(handling);
  if (refused && reload !== undefined && (await retry('reading the reference data', reload))) {
    if (stale()) return;
    entries = admit();
  }
  for (const run of runsOf(entries)) {
    if (stale()) return;
    if (run.kind === 'dead') await deadLetter(run.entries);
    else await store(run.entries);
  }
  deps.metrics.consumerLag.set(
    { topic: source.topic, partition: String(source.partition) },
    Number(batch.offsetLag()),
  );
}
