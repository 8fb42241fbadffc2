import { Kafka, logLevel } from 'kafkajs';
import type { Logger } from 'pino';
import { pinoLogCreator } from './kafka-logging.ts';

export interface KafkaConnectionOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
}

export function connectKafka(opts: KafkaConnectionOptions): Kafka {
  return new Kafka({
    clientId: opts.clientId,
    brokers: opts.brokers,
    logLevel: logLevel.WARN,
    logCreator: pinoLogCreator(opts.logger),
    // Brokers restart; give them time before a publish is reported as failed.
    retry: { initialRetryTime: 300, retries: 8, maxRetryTime: 10_000 },
  });
}
