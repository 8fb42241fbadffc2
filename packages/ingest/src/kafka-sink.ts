import {
  Topics,
  MonthlyRecordSchema,
  PopulationRecordSchema,
  defaultPartitions,
} from '@crimestats/contracts';
import { ensureTopics, type Kafka, type Publisher } from '@crimestats/kafka';
import type { Logger } from 'pino';
import type { IngestSink } from './sink.ts';

export interface IngestTopicNames {
  records: string;
  populations: string;
}

export const defaultIngestTopics: IngestTopicNames = {
  records: Topics.monthlyRecords,
  populations: Topics.populations,
};

/** Creates ingestion's topics at start-up with their partition counts. */
export async function ensureIngestTopics(
  kafka: Kafka,
  logger: Logger,
  topics: IngestTopicNames = defaultIngestTopics,
): Promise<void> {
  await ensureTopics(
    kafka,
    [
      { topic: topics.records, numPartitions: defaultPartitions[Topics.monthlyRecords] ?? 6 },
      { topic: topics.populations, numPartitions: defaultPartitions[Topics.populations] ?? 1 },
    ],
    logger,
  );
}

/** Publishes records keyed by area code, so each area's records stay in order on one partition. */
export function kafkaIngestSink(
  publisher: Publisher,
  topics: IngestTopicNames = defaultIngestTopics,
): IngestSink {
  return {
    publishRecords: (records) =>
      publisher.publish(
        topics.records,
        MonthlyRecordSchema,
        records.map((r) => ({ key: r.areaCode, value: r })),
      ),
    publishPopulations: (records) =>
      publisher.publish(
        topics.populations,
        PopulationRecordSchema,
        records.map((r) => ({ key: r.areaCode, value: r })),
      ),
  };
}
