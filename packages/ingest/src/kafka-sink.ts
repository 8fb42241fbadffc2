import {
  Topics,
  MonthlyRecordSchema,
  PopulationRecordSchema,
  defaultPartitions,
} from '@crimestats/contracts';
import { defaultAreas, type AreaRegistry } from '@crimestats/domain';
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

/**
 * The key records and populations are published under: the area's force, so that all of a force's
 * data is on one partition and one aggregator instance owns the force (its rollups are computed
 * from every one of its areas, never from a partial view). An area no force covers keeps its own
 * code (the aggregator refuses what it cannot place anyway).
 */
export function partitionKeyOf(areas: AreaRegistry, areaCode: string): string {
  return areas.forceOf(areaCode)?.code ?? areaCode;
}

/** Publishes records and populations keyed by force (see partitionKeyOf), so each force's stay in order. */
export function kafkaIngestSink(
  publisher: Publisher,
  topics: IngestTopicNames = defaultIngestTopics,
  areas: AreaRegistry = defaultAreas,
): IngestSink {
  return {
    publishRecords: (records) =>
      publisher.publish(
        topics.records,
        MonthlyRecordSchema,
        records.map((r) => ({ key: partitionKeyOf(areas, r.areaCode), value: r })),
      ),
    publishPopulations: (records) =>
      publisher.publish(
        topics.populations,
        PopulationRecordSchema,
        records.map((r) => ({ key: partitionKeyOf(areas, r.areaCode), value: r })),
      ),
  };
}
