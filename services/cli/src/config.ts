import {
  MaxUploadBytesSchema,
  OptionalBrokerListSchema,
  clickHouseServerFields,
  forceFields,
  logLevelSchema,
  portSchema,
  shutdownDeadlineSchema,
} from '@crimestats/lifecycle';
import { parseAllowList, type AllowList } from '@crimestats/webhooks';
import { resolve } from 'node:path';
import { z } from 'zod';

const CliEnv = z.object({
  KAFKA_BROKERS: OptionalBrokerListSchema,
  CLICKHOUSE_URL: z.string().url().optional(),
  CLICKHOUSE_USER: z.string().optional(),
  CLICKHOUSE_PASSWORD: z.string().optional(),
  CLICKHOUSE_DATABASE: clickHouseServerFields.CLICKHOUSE_DATABASE,
  CRIMESTATS_HOME: z.string().default('./.crimestats'),
  ...forceFields,
  LOG_LEVEL: logLevelSchema('warn'),
  /** More tokens for `crimestats up`, as `name:role:sha256hex`, comma-separated. */
  CRIMESTATS_TOKENS: z.string().optional(),
  /** Where `crimestats up` listens; loopback unless said otherwise. */
  CRIMESTATS_HOST: z.string().default('127.0.0.1'),
  CRIMESTATS_PORT: portSchema(8080),
  /** The largest upload `crimestats up` takes. */
  MAX_UPLOAD_MB: MaxUploadBytesSchema,
  SHUTDOWN_DEADLINE_MS: shutdownDeadlineSchema(15_000),
  /** Webhook receivers allowed beyond the public internet: hosts, addresses, CIDRs. */
  CRIMESTATS_WEBHOOK_ALLOW_HOSTS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      try {
        return parseAllowList(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
});

export interface CliConfig {
  /** Single-machine mode runs everything in one process; distributed mode uses Kafka and ClickHouse. */
  mode: 'single-machine' | 'distributed';
  kafkaBrokers?: string[];
  clickhouse?: { url: string; username?: string; password?: string };
  database: string;
  home: string;
  forceCode: string;
  policeUkForceId: string;
  logLevel: z.infer<typeof CliEnv>['LOG_LEVEL'];
  tokens?: string;
  host: string;
  port: number;
  maxUploadBytes: number;
  shutdownDeadlineMs: number;
  /** Where webhook subscriptions may point beyond the public internet. */
  webhookAllow: AllowList;
}

export function loadCliConfig(env: NodeJS.ProcessEnv = process.env): CliConfig {
  const e = CliEnv.parse(env);
  return {
    mode: e.KAFKA_BROKERS || e.CLICKHOUSE_URL ? 'distributed' : 'single-machine',
    kafkaBrokers: e.KAFKA_BROKERS,
    clickhouse: e.CLICKHOUSE_URL
      ? { url: e.CLICKHOUSE_URL, username: e.CLICKHOUSE_USER, password: e.CLICKHOUSE_PASSWORD }
      : undefined,
    database: e.CLICKHOUSE_DATABASE,
    home: resolve(e.CRIMESTATS_HOME),
    forceCode: e.CRIMESTATS_FORCE,
    policeUkForceId: e.CRIMESTATS_POLICE_UK_FORCE,
    logLevel: e.LOG_LEVEL,
    tokens: e.CRIMESTATS_TOKENS,
    host: e.CRIMESTATS_HOST,
    port: e.CRIMESTATS_PORT,
    maxUploadBytes: e.MAX_UPLOAD_MB,
    shutdownDeadlineMs: e.SHUTDOWN_DEADLINE_MS,
    webhookAllow: e.CRIMESTATS_WEBHOOK_ALLOW_HOSTS,
  };
}
