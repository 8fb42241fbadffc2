import {
  DeadLetterSchema,
  FiguresUpdatedSchema,
  type DeadLetter,
  type FiguresUpdated,
} from '@crimestats/contracts';
import { decodeMessage, type Publisher } from '@crimestats/kafka';
import type { Store } from '@crimestats/store';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { Notifier } from './notifier.ts';

export interface NotifierConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topic: string;
  deadLetterTopic: string;
  /** Where the notifier stores its events; its source marks say what was already read. */
  store: Pick<Store, 'figureEvents'>;
  /** Builds the notifier; its `onStored` must call the `commit` given. */
  notifier: (commit: (partition: number, offset: number) => Promise<void>) => Notifier;
  publisher: Publisher;
  logger: Logger;
}

export interface RunningNotifierConsumer {
  notifier: Notifier;
  ready(): boolean;
  /** Stores what is buffered, commits it, and leaves the group. */
  stop(): Promise<void>;
}

/**
 * Consumes figures-updated notices. Offsets are committed only once the notices up to them are
 * stored as events; a notice at or below a partition's stored mark was already made into an event
 * before a crash or rebalance, and is skipped, so a replay sends nothing twice. A notice that is not
 * one goes to the dead-letter topic with the reason.
 */
export async function startNotifierConsumer(
  opts: NotifierConsumerOptions,
): Promise<RunningNotifierConsumer> {
  const { kafka, topic, logger } = opts;
  const consumer = kafka.consumer({
    groupId: opts.groupId,
    sessionTimeout: 30_000,
    heartbeatInterval: 3_000,
    allowAutoTopicCreation: false,
  });
  let marks = new Map<number, number>();
  let ready = false;
  const notifier = opts.notifier(async (partition, offset) => {
    marks.set(partition, Math.max(marks.get(partition) ?? -1, offset));
    try {
      await consumer.commitOffsets([{ topic, partition, offset: String(offset + 1) }]);
    } catch (error) {
      // The events are stored with their mark, so whoever reads this partition next skips them.
      logger.warn({ err: error, partition, offset }, 'commit after storing events failed');
    }
  });
  consumer.on(consumer.events.GROUP_JOIN, () => {
    ready = true;
  });
  consumer.on(consumer.events.CRASH, (event) => {
    ready = false;
    logger.error({ err: event.payload.error }, 'notifier consumer crashed');
  });
  consumer.on(consumer.events.STOP, () => (ready = false));

  marks = await opts.store.figureEvents.marks(topic);
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning }) => {
      // A partition may have been someone else's a moment ago: read its mark again.
      const stored = (await opts.store.figureEvents.marks(topic)).get(batch.partition);
      if (stored !== undefined)
        marks.set(batch.partition, Math.max(marks.get(batch.partition) ?? -1, stored));
      const source = { topic, partition: batch.partition };
      const notices: FiguresUpdated[] = [];
      const dead: DeadLetter[] = [];
      let last: number | undefined;
      for (const message of batch.messages) {
        if (!isRunning()) break;
        const offset = Number(message.offset);
        last = offset;
        resolveOffset(message.offset);
        if (offset <= (marks.get(batch.partition) ?? -1)) continue;
        const decoded = decodeMessage(message, FiguresUpdatedSchema, source, new Date());
        if (decoded.ok) notices.push(decoded.value);
        else dead.push(decoded.deadLetter);
      }
      if (dead.length > 0) {
        await opts.publisher.publish(
          opts.deadLetterTopic,
          DeadLetterSchema,
          dead.map((letter) => ({ key: letter.key ?? '', value: letter })),
        );
        logger.warn({ partition: batch.partition, count: dead.length }, 'notices dead-lettered');
      }
      const mark = marks.get(batch.partition) ?? -1;
      if (last !== undefined && last > mark) {
        // Even an all-poison batch goes through the notifier, so its offset is committed in order.
        notifier.accept(batch.partition, last, notices);
      } else if (last !== undefined) {
        // All of it is stored already (a replay): move the group past what is stored.
        await consumer.commitOffsets([
          { topic, partition: batch.partition, offset: String(mark + 1) },
        ]);
      }
      await heartbeat();
    },
  });
  return {
    notifier,
    ready: () => ready,
    stop: async () => {
      await notifier.flushAll();
      await consumer.disconnect();
    },
  };
}
