import { describeError } from './failures.ts';

/** A partition whose work in hand has kept failing, without a commit, for longer than allowed. */
export interface StuckPartition {
  topic: string;
  partition: number;
  /** Since the first failure after its last commit. */
  failingForMs: number;
  lastError: string;
}

interface Failing {
  topic: string;
  partition: number;
  since: number;
  lastError: string;
}

const keyOf = (topic: string, partition: number) => `${topic}\u0000${partition}`;

/**
 * Which partitions are failing and since when. A partition fails from its first failed attempt
 * and recovers at its next commit, so a batch that is merely slow is never stuck; one whose
 * retries go on (an outage, or an error taken for transient that is not) is, after `stuckAfterMs`.
 */
export class PartitionHealth {
  readonly #failing = new Map<string, Failing>();
  readonly #stuckAfterMs: number;
  readonly #clock: () => number;

  constructor(stuckAfterMs: number, clock: () => number = Date.now) {
    this.#stuckAfterMs = stuckAfterMs;
    this.#clock = clock;
  }

  /** An attempt failed; returns how long the partition has been failing. */
  failed(topic: string, partition: number, error: unknown): number {
    const key = keyOf(topic, partition);
    const now = this.#clock();
    const failing = this.#failing.get(key) ?? { topic, partition, since: now, lastError: '' };
    failing.lastError = describeError(error);
    this.#failing.set(key, failing);
    return now - failing.since;
  }

  /** Work was committed: the partition moves again. */
  committed(topic: string, partition: number): void {
    this.#failing.delete(keyOf(topic, partition));
  }

  /** After a rebalance, partitions no longer assigned are no longer this consumer's concern. */
  assigned(assignment: Record<string, number[]>): void {
    for (const [key, failing] of this.#failing) {
      if (!assignment[failing.topic]?.includes(failing.partition)) this.#failing.delete(key);
    }
  }

  stuck(): StuckPartition[] {
    const now = this.#clock();
    return [...this.#failing.values()]
      .filter((f) => now - f.since >= this.#stuckAfterMs)
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
      .map((f) => ({
        topic: f.topic,
        partition: f.partition,
        failingForMs: now - f.since,
        lastError: f.lastError,
      }));
  }
}

/** "crimestats.monthly-records.v1 partition 3 stuck for 312 s (…); …" for a readiness answer. */
export function describeStuck(stuck: readonly StuckPartition[]): string | undefined {
  if (stuck.length === 0) return undefined;
  return stuck
    .map(
      (s) =>
        `${s.topic} partition ${s.partition} stuck for ${Math.floor(s.failingForMs / 1000)} s ` +
        `without a commit; last error: ${s.lastError}`,
    )
    .join('; ');
}
