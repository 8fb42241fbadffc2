import type { StoredDelivery } from '@crimestats/store';
import { DueQueue } from './due-queue.ts';

/** A delivery held until it settles. */
export interface Held {
  delivery: StoredDelivery;
  createdAtMs: number;
  dueAt: number;
  /** Being attempted, or its attempt being written: never attempted twice at once. */
  busy: boolean;
}

// Timers wait at most this long and then look again (far below setTimeout's ~24.8 day limit).
const MAX_TIMER_MS = 60_000;

/**
 * Runs each held delivery when it is due, at most `concurrency` sends at once, with one timer for
 * the earliest; that timer never keeps the process alive by itself. A run tells when its send is
 * over (`sent`), which frees its place, and then how the delivery settled (`settle`).
 */
export class Scheduler {
  readonly #held = new Map<string, Held>();
  readonly #queue = new DueQueue();
  readonly #concurrency: number;
  readonly #clock: () => number;
  readonly #run: (held: Held) => Promise<void>;
  /** Runs under way, sends and writes: what a stop waits for. */
  readonly running = new Set<Promise<void>>();
  #sending = 0;
  #active = false;
  #timer: NodeJS.Timeout | undefined;
  #timerAt: number | undefined;

  constructor(opts: {
    concurrency: number;
    clock: () => number;
    run: (held: Held) => Promise<void>;
  }) {
    if (!(opts.concurrency >= 1)) throw new RangeError('concurrency must be at least 1');
    this.#concurrency = opts.concurrency;
    this.#clock = opts.clock;
    this.#run = opts.run;
  }

  get size(): number {
    return this.#held.size;
  }

  /** The event time of the oldest delivery held, or undefined when none is. */
  oldestCreatedAtMs(): number | undefined {
    let oldest: number | undefined;
    for (const held of this.#held.values()) {
      if (oldest === undefined || held.createdAtMs < oldest) oldest = held.createdAtMs;
    }
    return oldest;
  }

  /** Holds a pending delivery until its next attempt time; one already held is kept as it is. */
  hold(delivery: StoredDelivery): void {
    if (this.#held.has(delivery.id)) return;
    const dueAt =
      delivery.nextAttemptAt === null ? this.#clock() : Date.parse(delivery.nextAttemptAt);
    const createdAtMs = Date.parse(delivery.createdAt);
    this.#held.set(delivery.id, { delivery, createdAtMs, dueAt, busy: false });
    this.#queue.push(delivery.id, dueAt);
  }

  /** Starts (or stops) running what is due. */
  activate(active: boolean): void {
    this.#active = active;
    this.pump();
  }

  sent(): void {
    this.#sending--;
    this.pump();
  }

  /** After a run: a settled delivery is let go; a pending one is held for its next time. */
  settle(held: Held, state: StoredDelivery | undefined, retryAt?: number): void {
    held.busy = false;
    if (state !== undefined && state.status !== 'pending') {
      this.#held.delete(state.id);
    } else {
      if (state !== undefined) held.delivery = state;
      held.dueAt = state?.nextAttemptAt ? Date.parse(state.nextAttemptAt) : retryAt!;
      this.#queue.push(held.delivery.id, held.dueAt);
    }
    this.pump();
  }

  pump(): void {
    const now = this.#clock();
    while (this.#active && this.#sending < this.#concurrency) {
      const next = this.#queue.popDue(now);
      if (next === undefined) break;
      const held = this.#held.get(next.id);
      // An entry left from an earlier schedule of the delivery.
      if (held === undefined || held.busy || held.dueAt !== next.at) continue;
      held.busy = true;
      this.#sending++;
      const run: Promise<void> = this.#run(held).finally(() => this.running.delete(run));
      this.running.add(run);
    }
    this.#arm();
  }

  #arm(): void {
    const at = this.#queue.peek();
    if (!this.#active || at === undefined || this.#sending >= this.#concurrency) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      return;
    }
    if (this.#timer !== undefined && this.#timerAt === at) return;
    clearTimeout(this.#timer);
    this.#timerAt = at;
    const wait = Math.min(Math.max(at - this.#clock(), 0), MAX_TIMER_MS);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.pump();
    }, wait).unref();
  }
}
