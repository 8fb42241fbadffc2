import type { DeliveryAttempt } from '@crimestats/contracts';
import type { DeliveriesRepository, StoredDelivery } from '@crimestats/store';

export interface BatchOptions {
  /** Rows (attempts and states) that make a batch be written at once. */
  maxRows?: number;
  /** How long the first record of a batch waits for others. */
  maxWaitMs?: number;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Writes attempts and delivery states in batches: thousands of deliveries a minute as a few
 * inserts a second, not two each. A write resolves only once its batch is stored (attempts first,
 * then states), so a caller can hold a delivery as settled only after that; a failed insert
 * rejects every write in the batch, and the caller writes them again.
 */
export class RecordWriter {
  readonly #repo: Pick<DeliveriesRepository, 'recordAttempts' | 'saveStates'>;
  readonly #maxRows: number;
  readonly #maxWaitMs: number;
  #attempts: DeliveryAttempt[] = [];
  #states: StoredDelivery[] = [];
  #waiters: Waiter[] = [];
  #timer: NodeJS.Timeout | undefined;
  // Batches are written one after another: never more than one pair of inserts at a time.
  #previous: Promise<void> = Promise.resolve();

  constructor(
    repo: Pick<DeliveriesRepository, 'recordAttempts' | 'saveStates'>,
    options: BatchOptions = {},
  ) {
    this.#repo = repo;
    this.#maxRows = options.maxRows ?? 200;
    this.#maxWaitMs = options.maxWaitMs ?? 50;
  }

  write(attempts: readonly DeliveryAttempt[], states: readonly StoredDelivery[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#attempts.push(...attempts);
      this.#states.push(...states);
      this.#waiters.push({ resolve, reject });
      if (this.#attempts.length + this.#states.length >= this.#maxRows) void this.flush();
      else this.#timer ??= setTimeout(() => void this.flush(), this.#maxWaitMs);
    });
  }

  /** Writes what is waiting now; resolves once it and every earlier batch have been tried. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const attempts = this.#attempts;
    const states = this.#states;
    const waiters = this.#waiters;
    this.#attempts = [];
    this.#states = [];
    this.#waiters = [];
    const run = async () => {
      if (waiters.length === 0) return;
      try {
        if (attempts.length > 0) await this.#repo.recordAttempts(attempts);
        if (states.length > 0) await this.#repo.saveStates(states);
        for (const w of waiters) w.resolve();
      } catch (error) {
        for (const w of waiters) w.reject(error);
      }
    };
    this.#previous = this.#previous.then(run);
    return this.#previous;
  }
}
