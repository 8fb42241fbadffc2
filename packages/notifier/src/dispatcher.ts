import type {
  Store,
  StoredDelivery,
  StoredFigureEvent,
  StoredSubscription,
} from '@crimestats/store';
import type { Logger } from 'pino';
import type { SendWebhook } from './attempt.ts';
import { attemptOnce, type AttemptContext, type AttemptRecords } from './attempt-once.ts';
import { backoffDelayMs, retryPolicy, type RetryPolicy } from './backoff.ts';
import { RecentLookups } from './caches.ts';
import type { NotifierMetrics } from './metrics.ts';
import { RecordWriter, type BatchOptions } from './record-writer.ts';
import { unstatedDeliveries } from './recovery.ts';
import { retryDelivery, type RetryResult } from './retry-delivery.ts';
import { Scheduler, type Held } from './scheduler.ts';

export interface DispatcherOptions {
  store: Store;
  send: SendWebhook;
  policy?: Partial<RetryPolicy>;
  /** Attempts sent at once; records being written do not count. */
  concurrency?: number;
  clock?: () => number;
  random?: () => number;
  logger: Logger;
  metrics?: NotifierMetrics;
  batch?: BatchOptions;
  /** How long a subscription read is reused: a disable made elsewhere is seen within this. */
  subscriptionCacheMs?: number;
}

// Every open delivery is held in memory; this only bounds one read.
const OPEN_LIMIT = 10_000_000;

/**
 * Attempts every open delivery at its time, and writes each attempt and the state after it. The
 * store is the truth: a delivery leaves memory only once the record that settles it is stored, so
 * after a crash it is still pending there and is attempted again (with the same webhook-id, which
 * receivers deduplicate by), never lost.
 */
export class Dispatcher {
  readonly #store: Store;
  readonly #policy: RetryPolicy;
  readonly #clock: () => number;
  readonly #random: () => number;
  readonly #logger: Logger;
  readonly #metrics: NotifierMetrics | undefined;
  readonly #send: SendWebhook;
  readonly #writer: RecordWriter;
  readonly #context: AttemptContext;
  readonly #events: RecentLookups<StoredFigureEvent | undefined>;
  readonly #scheduler: Scheduler;
  #stopping = false;
  #abandoned = false;

  constructor(options: DispatcherOptions) {
    this.#store = options.store;
    this.#send = options.send;
    this.#policy = retryPolicy(options.policy);
    this.#clock = options.clock ?? Date.now;
    this.#scheduler = new Scheduler({
      concurrency: options.concurrency ?? 16,
      clock: this.#clock,
      run: (held) => this.#attempt(held),
    });
    this.#random = options.random ?? Math.random;
    this.#logger = options.logger;
    this.#metrics = options.metrics;
    this.#writer = new RecordWriter(options.store.deliveries, options.batch);
    const clock = this.#clock;
    const subscriptions = new RecentLookups<StoredSubscription | undefined>({
      load: (id) => options.store.subscriptions.get(id),
      ttlMs: options.subscriptionCacheMs ?? 5_000,
      maxEntries: 10_000,
      clock,
    });
    this.#events = new RecentLookups({
      load: (id) => options.store.figureEvents.get(id),
      ttlMs: 10 * 60_000,
      maxEntries: 2_000,
      clock,
    });
    this.#context = {
      store: options.store,
      send: options.send,
      subscriptions,
      events: this.#events,
      policy: this.#policy,
      clock,
      random: this.#random,
      metrics: this.#metrics,
    };
    this.#metrics?.watch(this);
  }

  /**
   * Loads every open delivery: the pending states, and the deliveries owed by events within the
   * retry window that never got a state (written now as pending). Attempts start after this.
   */
  async start(): Promise<void> {
    const now = this.#clock();
    const pending = await this.#store.deliveries.list({ status: 'pending', limit: OPEN_LIMIT });
    const unstated = await unstatedDeliveries(this.#store, now - this.#policy.retryForMs, now);
    if (unstated.deliveries.length > 0)
      await this.#store.deliveries.saveStates(unstated.deliveries);
    for (const event of unstated.events) this.#events.set(event.id, event);
    for (const delivery of [...pending, ...unstated.deliveries]) this.#scheduler.hold(delivery);
    this.#logger.info(
      { pending: pending.length, unstated: unstated.deliveries.length },
      'open deliveries loaded',
    );
    if (!this.#stopping) this.#scheduler.activate(true);
  }

  /** New pending deliveries, already stored by the caller: attempted when due (now, for new ones). */
  enqueue(deliveries: readonly StoredDelivery[]): void {
    if (this.#stopping) return;
    for (const d of deliveries) if (d.status === 'pending') this.#scheduler.hold(d);
    this.#scheduler.pump();
  }

  /** No new attempts; waits for those under way and their records, for at most `deadlineMs`. */
  async stop(deadlineMs: number): Promise<void> {
    this.#stopping = true;
    this.#scheduler.activate(false);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), deadlineMs);
    });
    const settled = Promise.allSettled([...this.#scheduler.running]).then(() => true as const);
    const clean = await Promise.race([settled, late]);
    clearTimeout(timer);
    if (!clean) {
      // Their records may never be stored: the store still has them pending for the next start.
      this.#abandoned = true;
      this.#logger.warn(
        { unfinished: this.#scheduler.running.size },
        'stopped with attempts unfinished',
      );
    }
  }

  pendingCount(): number {
    return this.#scheduler.size;
  }

  /** How long ago the oldest open delivery's event was made; null when none is open. */
  oldestPendingAgeMs(): number | null {
    const oldest = this.#scheduler.oldestCreatedAtMs();
    return oldest === undefined ? null : Math.max(0, this.#clock() - oldest);
  }

  /** One attempt now at a dead delivery (see retryDelivery). */
  async deliverNow(deliveryId: string): Promise<RetryResult> {
    const result = await retryDelivery(this.#store, this.#send, deliveryId, this.#clock);
    this.#metrics?.attempted(result.attempt.outcome, result.attempt.durationMs);
    return result;
  }

  async #attempt(held: Held): Promise<void> {
    const d = held.delivery;
    const log = this.#logger.child({
      deliveryId: d.id,
      subscriptionId: d.subscriptionId,
      attempt: d.attempts + 1,
    });
    let records: AttemptRecords | undefined;
    try {
      records = await attemptOnce(d, this.#context, log);
    } catch (error) {
      log.warn({ err: error }, 'could not prepare a delivery attempt; trying again later');
    } finally {
      this.#scheduler.sent();
    }
    if (records === undefined) {
      // Nothing was sent: the same state, a little later.
      const wait = this.#policy.baseMs + backoffDelayMs(d.attempts + 1, this.#policy, this.#random);
      return this.#scheduler.settle(held, undefined, this.#clock() + wait);
    }
    if (await this.#persist(records, log)) this.#scheduler.settle(held, records.state);
  }

  /** Writes an attempt's records until they are stored, or the dispatcher gives up at stop. */
  async #persist(records: AttemptRecords, log: Logger): Promise<boolean> {
    for (let waitMs = 100; ; waitMs = Math.min(waitMs * 2, 10_000)) {
      try {
        await this.#writer.write(records.attempts, [records.state]);
        return true;
      } catch (error) {
        if (this.#abandoned) return false;
        log.error({ err: error, retryInMs: waitMs }, 'could not store a delivery attempt');
        await new Promise((resolve) => setTimeout(resolve, waitMs).unref());
        if (this.#abandoned) return false;
      }
    }
  }
}
