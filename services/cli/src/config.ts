import {
  MaxUploadBytesSchema,
  OptionalBrokerListSchema,
  clickHouseServerFields,
  forceFields,
  logLevelSchema,
  portSchema,
  rateLimitFields,
  rateLimitOf,
  shutdownDeadlineSchema,
} from '@crimestats/lifecycle';
import { emailConfigFields } from '@crimestats/digests';
import { notifierConfigFields } from '@crimestats/notifier';
import { webhookConfigFields, type AllowList } from '@crimestats/webhooks';
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
  /** Requests per token holder and window that `crimestats up` answers. */
  ...rateLimitFields,
  SHUTDOWN_DEADLINE_MS: shutdownDeadlineSchema(15_000),
  CRIMESTATS_WEBHOOK_ALLOW_HOSTS: webhookConfigFields.CRIMESTATS_WEBHOOK_ALLOW_HOSTS,
  /** Where events link to; `up`'s own address unless given. */
  CRIMESTATS_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  ...notifierConfigFields,
  ...emailConfigFields,
});

export interface CliConfig {
  /** Single-machine mode runs everything in one process; distributed mode uses Kafka and ClickHouse. */
  mode: 'single-machine' | 'distributed';
  kafkaBrokers?: string[];
  clickhouse?: { url: string; username?: string; password?: string };
  database: string;
  home: string;
  forceCode: string;
  logLevel: z.infer<typeof CliEnv>['LOG_LEVEL'];
  tokens?: string;
  host: string;
  port: number;
  maxUploadBytes: number;
  /** Requests per token holder and window `up` answers; undefined, none counted. */
  rateLimit: { max: number; windowMs: number } | undefined;
  shutdownDeadlineMs: number;
  /** Receivers allowed beyond the public internet. */
  webhookAllow: AllowList;
  publicUrl?: string;
  /** Email digests: through SMTP when given, else written to `$CRIMESTATS_HOME/outbox`. */
  mail: { smtpUrl?: string; from: string };
  notifier: {
    quietMs: number;
    maxHoldMs: number;
    retry: { baseMs: number; capMs: number; retryForMs: number };
    timeoutMs: number;
    concurrency: number;
  };
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
    logLevel: e.LOG_LEVEL,
    tokens: e.CRIMESTATS_TOKENS,
    host: e.CRIMESTATS_HOST,
    port: e.CRIMESTATS_PORT,
    maxUploadBytes: e.MAX_UPLOAD_MB,
    rateLimit: rateLimitOf(e),
    shutdownDeadlineMs: e.SHUTDOWN_DEADLINE_MS,
    webhookAllow: e.CRIMESTATS_WEBHOOK_ALLOW_HOSTS,
    ...(e.CRIMESTATS_PUBLIC_URL === undefined ? {} : { publicUrl: e.CRIMESTATS_PUBLIC_URL }),
    mail: {
      ...(e.CRIMESTATS_SMTP_URL === undefined ? {} : { smtpUrl: e.CRIMESTATS_SMTP_URL }),
      from: e.CRIMESTATS_MAIL_FROM,
    },
    notifier: {
      quietMs: e.NOTIFIER_QUIET_MS,
      maxHoldMs: e.NOTIFIER_MAX_HOLD_MS,
      retry: {
        baseMs: e.NOTIFIER_RETRY_BASE_MS,
        capMs: e.NOTIFIER_RETRY_CAP_MS,
        retryForMs: e.NOTIFIER_RETRY_FOR_MS,
      },
      timeoutMs: e.NOTIFIER_TIMEOUT_MS,
      concurrency: e.NOTIFIER_CONCURRENCY,
    },
  };
}
