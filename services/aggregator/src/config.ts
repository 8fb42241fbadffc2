import {
  RequiredBrokerListSchema,
  clickHouseServerFields,
  forceFields,
  portSchema,
  logLevelSchema,
  shutdownDeadlineSchema,
} from '@crimestats/lifecycle';
import { DEFAULT_BATCH_WAIT_MS } from '@crimestats/aggregator';
import { z } from 'zod';

const AggregatorEnv = z.object({
  KAFKA_BROKERS: RequiredBrokerListSchema,
  ...clickHouseServerFields,
  AGGREGATOR_GROUP_ID: z.string().default('crimestats-aggregator'),
  /** Window lengths in months, comma-separated. */
  AGGREGATOR_WINDOWS: z
    .string()
    .default('12')
    .transform((v) => v.split(',').map((n) => Number(n.trim())))
    .pipe(z.array(z.number().int().min(1).max(60)).min(1)),
  /**
   * How long a partition may keep failing (retrying, not committing) before /readyz reports it
   * stuck, in milliseconds; at least a second.
   */
  AGGREGATOR_STUCK_AFTER_MS: z.coerce.number().int().min(1000).default(300_000),
  /**
   * How long a fetch may wait for more records (up to a few megabytes) to make a larger batch, in
   * milliseconds; 0 takes what is there at once.
   */
  AGGREGATOR_BATCH_WAIT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000)
    .default(DEFAULT_BATCH_WAIT_MS),
  CRIMESTATS_FORCE: forceFields.CRIMESTATS_FORCE,
  /** Topic names; only tests change them. */
  TOPIC_RECORDS: z.string().optional(),
  TOPIC_POPULATIONS: z.string().optional(),
  TOPIC_DEAD_LETTER: z.string().optional(),
  TOPIC_POPULATIONS_DEAD_LETTER: z.string().optional(),
  TOPIC_FIGURES_UPDATED: z.string().optional(),
  HOST: z.string().default('127.0.0.1'),
  PORT: portSchema(8082),
  SHUTDOWN_DEADLINE_MS: shutdownDeadlineSchema(20_000),
  LOG_LEVEL: logLevelSchema('info'),
});

export type AggregatorConfig = z.infer<typeof AggregatorEnv>;

export function loadAggregatorConfig(env: NodeJS.ProcessEnv = process.env): AggregatorConfig {
  return AggregatorEnv.parse(env);
}
