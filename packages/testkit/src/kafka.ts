import { Kafka, logLevel, type ITopicConfig } from 'kafkajs';
import { uniqueName } from './names.ts';

export interface TestTopics {
  kafka: Kafka;
  /** The requested logical names mapped to this test's own topic names. */
  topics: Record<string, string>;
  groupId: string;
  /** Deletes the topics; call it in afterAll/afterEach. */
  cleanup(): Promise<void>;
}

/** Creates fresh topics (and a fresh consumer group id) for one test, waiting for their leaders. */
export async function createTestTopics(
  brokers: string[],
  names: string[],
  numPartitions = 3,
): Promise<TestTopics> {
  const kafka = new Kafka({ clientId: uniqueName('test'), brokers, logLevel: logLevel.WARN });
  const topics = Object.fromEntries(names.map((n) => [n, uniqueName(`t_${n}`)]));
  const admin = kafka.admin();
  await admin.connect();
  try {
    const configs: ITopicConfig[] = Object.values(topics).map((topic) => ({
      topic,
      numPartitions,
      replicationFactor: 1,
    }));
    await admin.createTopics({ topics: configs, waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
  return {
    kafka,
    topics,
    groupId: uniqueName('g'),
    cleanup: async () => {
      const cleanupAdmin = kafka.admin();
      await cleanupAdmin.connect();
      try {
        await cleanupAdmin.deleteTopics({ topics: Object.values(topics) });
      } finally {
        await cleanupAdmin.disconnect();
      }
    },
  };
}
