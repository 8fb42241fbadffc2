import { z } from 'zod';

const ms = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** How the notifier coalesces and retries: the notifier service's and `up`'s settings. */
export const notifierConfigFields = {
  /** Join a load's notices into one event once none has come for this long (ms). */
  NOTIFIER_QUIET_MS: ms(0, 60_000, 500),
  /** Send at the latest this long after a load's first notice (ms), however long the load. */
  NOTIFIER_MAX_HOLD_MS: ms(0, 600_000, 5_000),
  /** Keep retrying a delivery this long after its event (ms); then it is dead. About a day. */
  NOTIFIER_RETRY_FOR_MS: ms(1_000, 30 * 86_400_000, 86_400_000),
  /** The bound on the wait after a first failed attempt (ms); it doubles after each later one. */
  NOTIFIER_RETRY_BASE_MS: ms(1, 3_600_000, 1_000),
  /** The largest bound on the wait between attempts (ms). */
  NOTIFIER_RETRY_CAP_MS: ms(1, 86_400_000, 3_600_000),
  /** One attempt's time limit (ms). */
  NOTIFIER_TIMEOUT_MS: ms(100, 60_000, 10_000),
  /** Attempts in flight at once. */
  NOTIFIER_CONCURRENCY: ms(1, 1_000, 32),
};
