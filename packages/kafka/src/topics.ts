import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
}

/**
 * Creates topics explicitly, with their partition counts, before anyone produces or subscribes:
 * auto-created topics race with subscriptions. Existing topics are left as they are.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: TopicSpec[],
  logger: Logger,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({
        topic: t.topic,
        numPartitions: t.numPartitions,
        replicationFactor: -1,
      })),
    });
    logger.info({ topics: missing.map((t) => t.topic) }, 'created topics');
  } finally {
    await admin.disconnect();
  }
}
