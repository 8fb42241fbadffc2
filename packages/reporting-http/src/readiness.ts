import type { FastifyBaseLogger } from 'fastify';

export interface ReadinessDeps {
  /** Resolves when the figures store answers a query on its tables; throws otherwise. */
  checkStore(): Promise<void>;
  /** False while shutting down, so a balancer stops sending requests first. */
  accepting(): boolean;
  /** How long the store may take before the service counts as not ready. */
  timeoutMs: number;
}

/** Why the reporting service should get no requests now, or undefined when it is ready. */
export function storeReadiness(deps: ReadinessDeps) {
  return async (log: FastifyBaseLogger): Promise<string | undefined> => {
    if (!deps.accepting()) return 'shutting down';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${deps.timeoutMs} ms`)),
        deps.timeoutMs,
      );
    });
    try {
      await Promise.race([deps.checkStore(), timeout]);
      return undefined;
    } catch (error) {
      log.warn({ err: error }, 'not ready: the figures store did not answer');
      return 'the figures store did not answer';
    } finally {
      clearTimeout(timer);
    }
  };
}
