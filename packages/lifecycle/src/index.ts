export { shutdownInOrder, type ShutdownStep } from './shutdown.ts';
export { bootService, type BootOptions } from './boot.ts';
export { stopOnSignals, type StopOnSignalsOptions } from './stop-on-signals.ts';
export {
  MaxUploadBytesSchema,
  clickHouseServer,
  clickHouseServerFields,
  forceFields,
  portSchema,
  rateLimitFields,
  rateLimitOf,
  OptionalBrokerListSchema,
  RequiredBrokerListSchema,
  logLevelSchema,
  shutdownDeadlineSchema,
  type LogLevel,
} from './config-fields.ts';
export { CONFIG_ERROR_EXIT, describeConfigError } from './config-error.ts';
export { serviceLogger, terminalLogger, type TerminalStream } from './logger.ts';
