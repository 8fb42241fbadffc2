// Retries spread out by exponential backoff with full jitter (a random wait anywhere between zero
// and the exponential bound): after an outage, a receiver's many deliveries come back spread over
// the whole window instead of all at once on the same doubling beats.

export interface RetryPolicy {
  /** The bound on the wait after the first failure; it doubles after each later one. */
  baseMs: number;
  /** The largest bound, however many attempts have failed. */
  capMs: number;
  /** How long after its event a delivery is still attempted; after that it is dead. */
  retryForMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 1_000,
  capMs: 60 * 60 * 1_000,
  retryForMs: 24 * 60 * 60 * 1_000,
};

/** The defaults with what is given over them; a RangeError for a value no schedule can use. */
export function retryPolicy(given: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...given };
  for (const [name, value] of Object.entries(policy)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new RangeError(`retry policy ${name} must be a finite number >= 0, not ${value}`);
    }
  }
  return policy;
}

// 2^60 times any sensible base is far beyond any cap, and stays finite (0 * Infinity is NaN).
const MAX_DOUBLINGS = 60;

/** The bound on the wait after `attempt` failures (attempt >= 1): base * 2^(attempt-1), capped. */
export function backoffBoundMs(attempt: number, policy: RetryPolicy): number {
  const doublings = Math.min(Math.max(attempt - 1, 0), MAX_DOUBLINGS);
  return Math.min(policy.capMs, policy.baseMs * 2 ** doublings);
}

/** The wait after `attempt` failures: anywhere in [0, bound), `random` giving [0, 1). */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  return random() * backoffBoundMs(attempt, policy);
}

/**
 * When to attempt a delivery next, after `attemptsSoFar` attempts (none yet: now), or null when that
 * would be after its event's time plus `retryForMs`: then no more attempts are made (it is dead).
 */
export function nextAttemptAt(
  createdAtMs: number,
  attemptsSoFar: number,
  nowMs: number,
  policy: RetryPolicy,
  random: () => number,
): number | null {
  const next =
    attemptsSoFar <= 0 ? nowMs : nowMs + Math.floor(backoffDelayMs(attemptsSoFar, policy, random));
  return next > createdAtMs + policy.retryForMs ? null : next;
}
