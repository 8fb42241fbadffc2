import type { Logger } from 'pino';

export interface ShutdownStep {
  name: string;
  run(): Promise<void>;
}

/**
 * Runs the steps one after another (each may need the ones after it, e.g. an upload in flight
 * still publishes), within one deadline for them all. A failed step is logged and the next still
 * runs, so the publisher is disconnected even if the HTTP server did not close cleanly.
 * Resolves true only when every step finished, in time.
 */
export async function shutdownInOrder(
  steps: readonly ShutdownStep[],
  deadlineMs: number,
  logger: Logger,
): Promise<boolean> {
  let current: string | undefined;
  let clean = true;
  const run = async (): Promise<'done'> => {
    for (const step of steps) {
      current = step.name;
      const started = Date.now();
      try {
        await step.run();
        logger.info({ step: step.name, ms: Date.now() - started }, `shutdown: ${step.name}`);
      } catch (error) {
        clean = false;
        logger.error({ err: error, step: step.name }, `shutdown: ${step.name} failed`);
      }
    }
    current = undefined;
    return 'done';
  };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'deadline'>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), deadlineMs);
  });
  const outcome = await Promise.race([run(), deadline]);
  clearTimeout(timer);
  if (outcome === 'deadline') {
    logger.error({ deadlineMs, waitingFor: current }, 'shutdown: deadline passed');
    return false;
  }
  return clean;
}
