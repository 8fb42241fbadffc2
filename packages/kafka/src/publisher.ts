import { CompressionTypes, Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { z } from 'zod';

export interface PublisherOptions {
  /** Messages per produce request. */
  batchSize?: number;
  /** How long one batch may wait for acknowledgement before the publish is reported as failed. */
  sendDeadlineMs?: number;
}

export interface OutgoingMessage {
  key: string;
  value: unknown;
}

/**
 * An idempotent producer that validates every message against its topic's schema, then sends in
 * batches and waits for all in-sync replicas. A send that still fails after kafkajs's retries
 * rejects, so the caller reports it; nothing is dropped silently.
 */
export class Publisher {
  readonly #producer: Producer;
  readonly #logger: Logger;
  readonly #options: Required<PublisherOptions>;

  private constructor(producer: Producer, logger: Logger, options: Required<PublisherOptions>) {
    this.#producer = producer;
    this.#logger = logger;
    this.#options = options;
  }

  static async connect(
    kafka: Kafka,
    logger: Logger,
    options: PublisherOptions = {},
  ): Promise<Publisher> {
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
      // The idempotent producer must not give up on its own (that breaks its sequence numbers);
      // the deadline below is what bounds a send.
      retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 5_000 },
    });
    await producer.connect();
    return new Publisher(producer, logger, {
      batchSize: options.batchSize ?? 1000,
      sendDeadlineMs: options.sendDeadlineMs ?? 60_000,
    });
  }

  async #send(topic: string, messages: { key: string; value: string }[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(
              `Kafka did not acknowledge ${topic} within ${this.#options.sendDeadlineMs} ms`,
            ),
          ),
        this.#options.sendDeadlineMs,
      );
    });
    try {
      await Promise.race([
        this.#producer.send({ topic, acks: -1, compression: CompressionTypes.None, messages }),
        deadline,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async publish<T>(
    topic: string,
    schema: z.ZodType<T>,
    messages: OutgoingMessage[],
  ): Promise<void> {
    const encoded = messages.map((m) => ({
      key: m.key,
      value: JSON.stringify(schema.parse(m.value)),
    }));
    for (let i = 0; i < encoded.length; i += this.#options.batchSize) {
      await this.#send(topic, encoded.slice(i, i + this.#options.batchSize));
    }
    this.#logger.debug({ topic, messages: messages.length }, 'published');
  }

  async disconnect(): Promise<void> {
    await this.#producer.disconnect();
  }
}
