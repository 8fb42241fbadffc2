export { shutdownInOrder, type ShutdownStep } from './shutdown.ts';
export { bootService, type BootOptions } from './boot.ts';
export { stopOnSignals, type StopOnSignalsOptions } from './stop-on-signals.ts';
export {
  LOG_LEVELS,
  OptionalBrokerListSchema,
  RequiredBrokerListSchema,
  logLevelSchema,
  type LogLevel,
} from './config-fields.ts';
