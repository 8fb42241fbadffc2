import {
  RecordProcessor,
  aggregatorTopicSpecs,
  defaultAggregatorTopics,
  discardUpdates,
  kafkaUpdatesSink,
  type FiguresUpdatesSink,
} from '@crimestats/aggregator';
import { connectKafka, ensureTopics, Publisher } from '@crimestats/kafka';

import { loadReference } from '@crimestats/store';
import type { Logger } from 'pino';
import type { CliConfig } from '../config.ts';
import { withPipeline } from './with-pipeline.ts';
import { cliLogger } from '../logger.ts';
import { figuresStoreOptions, withReportStore } from './report/store.ts';

/** What a recompute after a reference load did. */
export interface ReferenceRecompute {
  figures: number;
  updates: number;
}

/**
 * Recomputes every figure of the forces a reference load changed, with the reference as now
 * stored, so moved or renamed areas show in the figures with no other command.
 *
 * Single-machine mode runs the pipeline's own aggregator, whose notices become events as after an
 * ingest. Distributed mode runs the same recompute here against ClickHouse, for the window lengths
 * the store has figures for, and publishes the notices to the figures-updated topic when Kafka is
 * configured. A figure's version comes from the data it is computed from, so this writes what the
 * aggregator would; of equal versions the later row is kept, so these rows replace those computed
 * with the old reference.
 */
export async function recomputeForces(
  config: CliConfig,
  forceCodes: readonly string[],
): Promise<ReferenceRecompute> {
  if (forceCodes.length === 0) return { figures: 0, updates: 0 };
  const logger = cliLogger(config);
  if (config.mode === 'single-machine') {
    return withPipeline(config, logger, (pipeline) =>
      pipeline.processor.recomputeAll({ forceCodes }),
    );
  }
  return withUpdatesSink(config, logger, (updates) =>
    withReportStore(figuresStoreOptions(config), async (store) => {
      const windows = await store.figures.windowLengths();
      if (windows.length === 0) return { figures: 0, updates: 0 };
      const processor = new RecordProcessor({
        store,
        reference: { ...(await loadReference(store)), forceCode: config.forceCode },
        windows,
        updates,
        logger,
      });
      return processor.recomputeAll({ forceCodes });
    }),
  );
}

/** The figures-updated topic when Kafka is configured; else the notices go nowhere. */
async function withUpdatesSink<T>(
  config: CliConfig,
  logger: Logger,
  run: (sink: FiguresUpdatesSink) => Promise<T>,
): Promise<T> {
  if (!config.kafkaBrokers) return run(discardUpdates);
  const kafka = connectKafka({ brokers: config.kafkaBrokers, clientId: 'crimestats-cli', logger });
  await ensureTopics(kafka, aggregatorTopicSpecs(defaultAggregatorTopics), logger);
  const publisher = await Publisher.connect(kafka, logger);
  try {
    return await run(kafkaUpdatesSink(publisher, defaultAggregatorTopics.figuresUpdated));
  } finally {
    await publisher.disconnect();
  }
}
