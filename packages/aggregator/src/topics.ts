import { defaultPartitions, Topics } from '@crimestats/contracts';
import type { TopicSpec } from '@crimestats/kafka';

export interface AggregatorTopics {
  records: string;
  populations: string;
  /** Dead letters from the records topic. */
  deadLetter: string;
  /** Dead letters from the populations topic. */
  populationsDeadLetter: string;
  figuresUpdated: string;
}

export const defaultAggregatorTopics: AggregatorTopics = {
  records: Topics.monthlyRecords,
  populations: Topics.populations,
  deadLetter: Topics.monthlyRecordsDeadLetter,
  populationsDeadLetter: Topics.populationsDeadLetter,
  figuresUpdated: Topics.figuresUpdated,
};

/** The topics the aggregator reads and writes, with the partition counts of the standard names. */
export function aggregatorTopicSpecs(topics: AggregatorTopics): TopicSpec[] {
  const partitionsOf = (standard: string): number => defaultPartitions[standard] ?? 1;
  return [
    { topic: topics.records, numPartitions: partitionsOf(Topics.monthlyRecords) },
    { topic: topics.populations, numPartitions: partitionsOf(Topics.populations) },
    { topic: topics.deadLetter, numPartitions: partitionsOf(Topics.monthlyRecordsDeadLetter) },
    {
      topic: topics.populationsDeadLetter,
      numPartitions: partitionsOf(Topics.populationsDeadLetter),
    },
    { topic: topics.figuresUpdated, numPartitions: partitionsOf(Topics.figuresUpdated) },
  ];
}
