import pino from 'pino';
import { Topics } from '@crimestats/contracts';
import { connectKafka } from '@crimestats/kafka';
import { caughtUp } from '@crimestats/testkit';

/** Whether an aggregator group has committed every record published so far. */
export function groupCaughtUp(brokers: string[], groupId: string): () => Promise<boolean> {
  const kafka = connectKafka({
    brokers,
    clientId: 'faults-progress',
    logger: pino({ level: 'silent' }),
  });
  return () => caughtUp(kafka, groupId, Topics.monthlyRecords);
}

/** How many records the ingest has published so far, over every partition. */
export function recordsPublished(brokers: string[]): () => Promise<bigint> {
  const kafka = connectKafka({
    brokers,
    clientId: 'faults-published',
    logger: pino({ level: 'silent' }),
  });
  return async () => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(Topics.monthlyRecords);
      return offsets.reduce((sum, p) => sum + BigInt(p.high) - BigInt(p.low), 0n);
    } finally {
      await admin.disconnect();
    }
  };
}
