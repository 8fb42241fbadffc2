import { probeServer } from '@crimestats/http';
import {
  aggregatorMetrics,
  aggregatorTopicSpecs,
  defaultAggregatorTopics,
  kafkaUpdatesSink,
  RecordProcessor,
  startAggregatorConsumer,
} from '@crimestats/aggregator';
import { connectKafka, ensureTopics, Publisher } from '@crimestats/kafka';
import { createStore, migrate, openClickHouse, ReferenceSource } from '@crimestats/store';
import { bootService, clickHouseServer, stopOnSignals } from '@crimestats/lifecycle';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { loadAggregatorConfig, type AggregatorConfig } from './config.ts';

async function start(config: AggregatorConfig, logger: Logger): Promise<void> {
  const topics = {
    records: config.TOPIC_RECORDS ?? defaultAggregatorTopics.records,
    populations: config.TOPIC_POPULATIONS ?? defaultAggregatorTopics.populations,
    deadLetter: config.TOPIC_DEAD_LETTER ?? defaultAggregatorTopics.deadLetter,
    populationsDeadLetter:
      config.TOPIC_POPULATIONS_DEAD_LETTER ?? defaultAggregatorTopics.populationsDeadLetter,
    figuresUpdated: config.TOPIC_FIGURES_UPDATED ?? defaultAggregatorTopics.figuresUpdated,
  };

  const client = openClickHouse(clickHouseServer(config));
  await migrate(client, config.CLICKHOUSE_DATABASE, logger);
  const store = createStore(client, config.CLICKHOUSE_DATABASE);
  const kafka = connectKafka({
    brokers: config.KAFKA_BROKERS,
    clientId: 'crimestats-aggregator',
    logger,
  });
  await ensureTopics(kafka, aggregatorTopicSpecs(topics), logger);
  const publisher = await Publisher.connect(kafka, logger);
  const metrics = aggregatorMetrics();
  // Areas loaded later (`crimestats reference load`) are read before a record naming them would
  // be dead-lettered, so loading a force's reference and then its records needs no restart.
  const references = await ReferenceSource.open(store);
  const reference = { ...references.live, forceCode: config.CRIMESTATS_FORCE };
  const readAgain = (check: () => Promise<boolean>) => async () => {
    const changed = await check();
    if (changed) logger.info({ areas: reference.areas.all().length }, 'reference data read again');
    return changed;
  };
  const reloadReference = readAgain(() => references.reload());
  const refreshReference = readAgain(() => references.refresh());
  const processor = new RecordProcessor({
    store,
    reference,
    windows: config.AGGREGATOR_WINDOWS,
    updates: kafkaUpdatesSink(publisher, topics.figuresUpdated),
    logger,
  });
  const consumer = await startAggregatorConsumer({
    kafka,
    groupId: config.AGGREGATOR_GROUP_ID,
    topics,
    processor,
    reference,
    reloadReference,
    refreshReference,
    publisher,
    logger,
    metrics,
    stuckAfterMs: config.AGGREGATOR_STUCK_AFTER_MS,
    batchWaitMs: config.AGGREGATOR_BATCH_WAIT_MS,
  });
  const http = probeServer({
    logger,
    notReady: consumer.notReady,
    metrics: metrics.registry,
  });
  await http.listen({ host: config.HOST, port: config.PORT });
  // The port listened on, which PORT=0 leaves to the system.
  const { port } = http.server.address() as AddressInfo;
  logger.info(
    {
      topics,
      windows: config.AGGREGATOR_WINDOWS,
      stuckAfterMs: config.AGGREGATOR_STUCK_AFTER_MS,
      host: config.HOST,
      port,
    },
    'aggregator started',
  );

  // Consumer first (it finishes or abandons the batch in hand, uncommitted), then what it used.
  stopOnSignals({
    logger,
    deadlineMs: config.SHUTDOWN_DEADLINE_MS,
    steps: [
      { name: 'left the consumer group', run: () => consumer.stop() },
      { name: 'disconnected the producer', run: () => publisher.disconnect() },
      { name: 'closed the HTTP server', run: () => http.close() },
      { name: 'closed the ClickHouse client', run: () => client.close() },
    ],
  });
}

bootService({
  name: 'crimestats-aggregator',
  loadConfig: loadAggregatorConfig,
  logLevel: (config) => config.LOG_LEVEL,
  start,
});
