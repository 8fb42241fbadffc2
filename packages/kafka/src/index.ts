export { connectKafka, type KafkaConnectionOptions } from './kafka-connection.ts';
export { ensureTopics, type TopicSpec } from './topics.ts';
export { Publisher, type OutgoingMessage, type PublisherOptions } from './publisher.ts';
export { pinoLogCreator } from './kafka-logging.ts';
export type { Kafka } from 'kafkajs';
export {
  deadLetterFor,
  decodeMessage,
  describeError,
  type Decoded,
  type MessageSource,
} from './decode.ts';
