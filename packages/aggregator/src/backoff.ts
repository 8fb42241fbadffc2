import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';

export interface RetryDelays {
  /** The first wait; each later one doubles, with jitter. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export interface RetryOptions extends RetryDelays {
  logger: Logger;
  what: string;
  /** Keeps the consumer's group membership alive while waiting. */
  heartbeat?: () => Promise<void>;
  /** Stop retrying (e.g. at shutdown): the last error is thrown and nothing is committed. */
  shouldStop?: () => boolean;
  /** Errors no retry can mend: thrown at once. */
  isPermanent?: (error: unknown) => boolean;
  /** Called for each failed attempt that will be retried. */
  onAttemptFailed?: (error: unknown) => void;
}

/**
 * Retries while Kafka or ClickHouse is unavailable, with exponential backoff and jitter, for as
 * long as it takes: an outage must delay figures, never lose them.
 */
export async function retryUntilDone<T>(run: () => Promise<T>, opts: RetryOptions): Promise<T> {
  let delay = opts.initialDelayMs ?? 200;
  const max = opts.maxDelayMs ?? 30_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (opts.isPermanent?.(error)) throw error;
      if (opts.shouldStop?.()) throw error;
      opts.onAttemptFailed?.(error);
      opts.logger.warn({ err: error, attempt, retryInMs: delay }, `${opts.what} failed; retrying`);
      const until = Date.now() + delay;
      while (Date.now() < until) {
        if (opts.shouldStop?.()) throw error;
        await opts.heartbeat?.().catch(() => {});
        await sleep(Math.min(1000, until - Date.now()));
      }
      delay = Math.min(max, delay * 2) * (0.8 + Math.random() * 0.4);
    }
  }
}
