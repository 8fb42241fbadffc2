export { shutdownInOrder, type ShutdownStep } from './shutdown.ts';
