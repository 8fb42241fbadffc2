import {
  clickHouseServer,
  clickHouseServerFields,
  MaxUploadBytesSchema,
  RequiredBrokerListSchema,
  forceFields,
  logLevelSchema,
  portSchema,
  rateLimitFields,
  rateLimitOf,
  shutdownDeadlineSchema,
} from '@crimestats/lifecycle';
import { resolve } from 'node:path';
import { parseTokenEntries } from '@crimestats/auth';
import { z } from 'zod';

const IngestServiceEnv = z.object({
  KAFKA_BROKERS: RequiredBrokerListSchema,
  HOST: z.string().default('127.0.0.1'),
  PORT: portSchema(8081),
  /** Analyst tokens as `name:role:sha256hex`, comma-separated; only analysts may upload. */
  CRIMESTATS_TOKENS: z.string().optional(),
  /** A folder whose `incoming/` is watched for files; unset, no folder is watched. */
  CRIMESTATS_DROP_FOLDER: z.string().optional(),
  ...forceFields,
  /**
   * Optional: the store whose loaded reference areas (`crimestats reference load`) files are
   * checked against, read at start-up; without it, the reference in code.
   */
  CLICKHOUSE_URL: clickHouseServerFields.CLICKHOUSE_URL.optional(),
  CLICKHOUSE_USER: clickHouseServerFields.CLICKHOUSE_USER,
  CLICKHOUSE_PASSWORD: clickHouseServerFields.CLICKHOUSE_PASSWORD,
  CLICKHOUSE_DATABASE: clickHouseServerFields.CLICKHOUSE_DATABASE,
  MAX_UPLOAD_MB: MaxUploadBytesSchema,
  ...rateLimitFields,
  SHUTDOWN_DEADLINE_MS: shutdownDeadlineSchema(15_000),
  LOG_LEVEL: logLevelSchema('info'),
});

export type IngestServiceConfig = ReturnType<typeof loadIngestServiceConfig>;

export function loadIngestServiceConfig(env: NodeJS.ProcessEnv = process.env) {
  const e = IngestServiceEnv.parse(env);
  return {
    brokers: e.KAFKA_BROKERS,
    host: e.HOST,
    port: e.PORT,
    tokens: parseTokenEntries(e.CRIMESTATS_TOKENS),
    dropFolder: e.CRIMESTATS_DROP_FOLDER ? resolve(e.CRIMESTATS_DROP_FOLDER) : undefined,
    clickhouse:
      e.CLICKHOUSE_URL === undefined
        ? undefined
        : clickHouseServer({ ...e, CLICKHOUSE_URL: e.CLICKHOUSE_URL }),
    database: e.CLICKHOUSE_DATABASE,
    forceCode: e.CRIMESTATS_FORCE,
    maxUploadBytes: e.MAX_UPLOAD_MB,
    rateLimit: rateLimitOf(e),
    shutdownDeadlineMs: e.SHUTDOWN_DEADLINE_MS,
    logLevel: e.LOG_LEVEL,
  };
}
