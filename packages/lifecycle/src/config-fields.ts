// Configuration fields more than one service reads, each with one schema. Each service's config
// module parses its whole environment with these at boot.
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
