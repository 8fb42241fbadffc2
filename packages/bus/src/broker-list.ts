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
