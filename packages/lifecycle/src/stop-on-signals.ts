import type { Logger } from 'pino';
import { shutdownInOrder, type ShutdownStep } from './shutdown.ts';

export interface StopOnSignalsOptions {
  logger: Logger;
  deadlineMs: number;
  /** Runs first, at once: typically "not ready any more", so probes stop sending work. */
  onStopping?: () => void;
  /** The ordered shutdown (see shutdownInOrder). */
  steps: readonly ShutdownStep[];
  /** Runs last, whatever happened (e.g. removing temporary files). */
  finally?: () => void;
}

/**
 * SIGTERM or SIGINT runs the ordered shutdown once and exits 0 if it was clean, else 1; a second
 * signal exits at once. Exiting explicitly matters: client libraries may leave timers behind.
 */
export function stopOnSignals(opts: StopOnSignalsOptions): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) {
      opts.logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    opts.onStopping?.();
    opts.logger.info({ signal, deadlineMs: opts.deadlineMs }, 'shutting down');
    const clean = await shutdownInOrder(opts.steps, opts.deadlineMs, opts.logger);
    opts.finally?.();
    opts.logger.info({ clean }, clean ? 'shutdown complete' : 'shutdown incomplete');
    process.exit(clean ? 0 : 1);
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
}
