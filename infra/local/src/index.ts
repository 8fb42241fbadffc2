export { loadLocalStackConfig, type LocalStackConfig } from './config.ts';
export {
  startEphemeralStack,
  type EphemeralStack,
  type EphemeralStackOptions,
} from './ephemeral-stack.ts';
export { ensureKafkaJars, startKafkaBroker, kafkaAnswers, KAFKA_VERSION } from './kafka-broker.ts';
export { startClickHouseServer, clickHouseAnswers } from './clickhouse-server.ts';
export { MissingPrerequisiteError } from './prerequisites.ts';
export { stopPid } from './managed-process.ts';
