export { shutdownInOrder, type ShutdownStep } from './shutdown.ts';
export { bootService, type BootOptions } from './boot.ts';
