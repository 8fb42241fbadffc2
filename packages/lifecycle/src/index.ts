export { shutdownInOrder, type ShutdownStep } from './shutdown.ts';
export { bootService, type BootOptions } from './boot.ts';
export { stopOnSignals, type StopOnSignalsOptions } from './stop-on-signals.ts';
