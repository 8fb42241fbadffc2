// Configuration fields more than one service reads, each with one schema. Each service's config
// module parses its whole environment with these at boot.
import { AreaCodeSchema } from '@crimestats/domain';
import { z } from 'zod';

const splitBrokers = (text: string): string[] =>
  text
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);

/** `KAFKA_BROKERS` where a service cannot run without Kafka: `host:port`, comma-separated. */
export const RequiredBrokerListSchema = z
  .string({ error: 'KAFKA_BROKERS is required: the broker addresses, comma-separated' })
  .transform(splitBrokers);

/** `KAFKA_BROKERS` where it is optional; unset or empty means no broker was named. */
export const OptionalBrokerListSchema = z
  .string()
  .optional()
  .transform((text) => (text ? splitBrokers(text) : undefined));

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `LOG_LEVEL`: one of pino's levels; each service names its own default. */
export const logLevelSchema = (defaultLevel: LogLevel) => z.enum(LOG_LEVELS).default(defaultLevel);

/** `SHUTDOWN_DEADLINE_MS`: how long an ordered shutdown may take; each service names its default. */
export const shutdownDeadlineSchema = (defaultMs: number) =>
  z.coerce.number().int().positive().default(defaultMs);

/** `MAX_UPLOAD_MB`: the largest upload a server takes (1 GiB unless set), read as bytes. */
export const MaxUploadBytesSchema = z.coerce
  .number()
  .positive()
  .default(1024)
  .transform((megabytes) => megabytes * 1024 * 1024);

/** `PORT` and its kin: where a process listens; 0 picks a free port. */
export const portSchema = (defaultPort: number) =>
  z.coerce.number().int().min(0).max(65535).default(defaultPort);

/**
 * The variables that name a ClickHouse server, for services that cannot run without one; the
 * database name is checked here because it is written into SQL as an identifier.
 */
export const clickHouseServerFields = {
  CLICKHOUSE_URL: z
    .string({ error: 'CLICKHOUSE_URL is required, e.g. http://127.0.0.1:8123' })
    .url(),
  CLICKHOUSE_USER: z.string().optional(),
  CLICKHOUSE_PASSWORD: z.string().optional(),
  CLICKHOUSE_DATABASE: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a plain database name')
    .default('crimestats'),
};

/** The server those variables name, without credentials that were not given. */
export function clickHouseServer(env: {
  CLICKHOUSE_URL: string;
  CLICKHOUSE_USER?: string | undefined;
  CLICKHOUSE_PASSWORD?: string | undefined;
}): { kind: 'server'; url: string; username?: string; password?: string } {
  return {
    kind: 'server',
    url: env.CLICKHOUSE_URL,
    ...(env.CLICKHOUSE_USER === undefined ? {} : { username: env.CLICKHOUSE_USER }),
    ...(env.CLICKHOUSE_PASSWORD === undefined ? {} : { password: env.CLICKHOUSE_PASSWORD }),
  };
}

/**
 * The force a deployment compares by default. (A police.uk file's force is its own `Falls
 * within`, so no data.police.uk id is configured: an archive's street files of every force are
 * read.)
 */
export const forceFields = {
  /** By ONS code; Derbyshire unless said otherwise. */
  CRIMESTATS_FORCE: AreaCodeSchema.default('E23000018'),
};

/**
 * `RATE_LIMIT_MAX` and `RATE_LIMIT_WINDOW_MS`: the requests each token holder (each address
 * without a valid token) may make per window, 600 a minute unless set; `RATE_LIMIT_MAX=off`
 * counts nothing (a server behind a proxy that limits already).
 */
export const rateLimitFields = {
  RATE_LIMIT_MAX: z
    .union([z.literal('off'), z.coerce.number().int().min(1).max(1_000_000)])
    .default(600),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
};

/** The rate limit `rateLimitFields` describe, or undefined when it is off. */
export function rateLimitOf(e: {
  RATE_LIMIT_MAX: number | 'off';
  RATE_LIMIT_WINDOW_MS: number;
}): { max: number; windowMs: number } | undefined {
  return e.RATE_LIMIT_MAX === 'off'
    ? undefined
    : { max: e.RATE_LIMIT_MAX, windowMs: e.RATE_LIMIT_WINDOW_MS };
}
