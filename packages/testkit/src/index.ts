export {
  acquireInfrastructure,
  type TestInfrastructure,
  type ServerSource,
} from './infrastructure.ts';
export {
  loadTestkitConfig,
  serviceProcessEnv,
  singleMachineProcessEnv,
  type TestkitConfig,
} from './config.ts';
export { createTestTopics, type TestTopics } from './kafka.ts';
export { uniqueName } from './names.ts';
export { caughtUp, eventually } from './waiting.ts';
export { startServiceProcess, type ServiceProcess } from './service-process.ts';
export {
  startWebhookReceiver,
  type ReceivedDelivery,
  type WebhookReceiver,
} from './webhook-receiver.ts';
export { seededRandom } from './seeded-random.ts';
export { startRestartableServers, type RestartableServers } from './restartable-servers.ts';
