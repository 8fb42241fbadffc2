import { join } from 'node:path';
import { startServiceProcess, type ServiceProcess, type TestTopics } from '@crimestats/testkit';

const main = join(import.meta.dirname, '..', 'main.ts');

export type AggregatorProcess = ServiceProcess;

/** The real aggregator service as a child process, its JSON log lines read as they come. */
export function startAggregatorProcess(
  env: Record<string, string>,
  nodeArgs: string[] = [],
): AggregatorProcess {
  return startServiceProcess(main, 'aggregator started', env, nodeArgs);
}

/**
 * The settings of an aggregator over a test's own topics (`records`, `populations`, `dlq`,
 * `popdlq`, `updates`) and database, on the test run's broker and server.
 */
export function aggregatorTestEnv(
  t: TestTopics,
  database: string,
  servers: { kafkaBrokers: string[]; clickhouseUrl: string },
): Record<string, string> {
  return {
    KAFKA_BROKERS: servers.kafkaBrokers.join(','),
    CLICKHOUSE_URL: servers.clickhouseUrl,
    CLICKHOUSE_DATABASE: database,
    AGGREGATOR_GROUP_ID: t.groupId,
    TOPIC_RECORDS: t.topics.records!,
    TOPIC_POPULATIONS: t.topics.populations!,
    TOPIC_DEAD_LETTER: t.topics.dlq!,
    TOPIC_POPULATIONS_DEAD_LETTER: t.topics.popdlq!,
    TOPIC_FIGURES_UPDATED: t.topics.updates!,
  };
}
