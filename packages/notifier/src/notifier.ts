import type { FiguresUpdated } from '@crimestats/contracts';
import type { Store, StoredDelivery, StoredFigureEvent } from '@crimestats/store';
import type { Logger } from 'pino';
import {
  Coalescer,
  DEFAULT_COALESCE,
  type CoalesceTiming,
  type CoalescedBatch,
} from './coalescer.ts';
import { concerns } from './delivery-body.ts';
import { figuresEventData, type EventLinks, type EventNames } from './event-data.ts';
import { deliveriesOf } from './delivery-state.ts';
import { eventIdOf } from './ids.ts';

/** Where new pending deliveries go once stored: the dispatcher. */
export interface DeliveryQueue {
  enqueue(deliveries: StoredDelivery[]): void;
}

export interface NotifierOptions {
  store: Pick<Store, 'subscriptions' | 'figureEvents' | 'deliveries'>;
  names: EventNames;
  links: EventLinks;
  queue: DeliveryQueue;
  /** The name events record as their source: the topic, or `in-process`. */
  source: string;
  timing?: CoalesceTiming;
  logger: Logger;
  clock?: () => number;
  /** Called once a partition's notices up to `offset` are stored as events: commit it then. */
  onStored?: (partition: number, offset: number) => Promise<void>;
}

/**
 * Turns figures-updated notices into figures events: buffers them per partition (Coalescer), and
 * when a partition falls due stores one event per area with the subscriptions it concerns, then
 * their pending deliveries, then hands those to the queue and lets the caller commit. The events
 * go in one insert with the partition's last offset, so a notice is either in a stored event or
 * read again after a restart, never both (see `marks`).
 */
export class Notifier {
  readonly #o: NotifierOptions;
  readonly #coalescer: Coalescer;
  readonly #clock: () => number;
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Infinity;
  #flushing: Promise<void> = Promise.resolve();
  #failure: Error | undefined;

  constructor(options: NotifierOptions) {
    this.#o = options;
    this.#coalescer = new Coalescer(options.timing ?? DEFAULT_COALESCE);
    this.#clock = options.clock ?? Date.now;
  }

  /** Buffers a partition's notices up to `offset`; they become events when the partition is due. */
  accept(partition: number, offset: number, notices: readonly FiguresUpdated[]): void {
    this.#coalescer.add(partition, offset, notices, this.#clock());
    this.#schedule();
  }

  /** Drops what a revoked partition had buffered: uncommitted, it is read again by its new owner. */
  revoke(partition: number): void {
    this.#coalescer.drop(partition);
  }

  /** The last error a flush met (it is retried), for readiness. */
  get failure(): Error | undefined {
    return this.#failure;
  }

  /** Stores every buffered notice now, and waits for flushes under way: before shutting down. */
  async flushAll(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timerAt = Infinity;
    await this.#enqueueFlush(Infinity);
  }

  #schedule(): void {
    const due = this.#coalescer.nextDueAt();
    if (due === undefined || due >= this.#timerAt) return;
    clearTimeout(this.#timer);
    this.#timerAt = due;
    this.#timer = setTimeout(
      () => {
        this.#timerAt = Infinity;
        void this.#enqueueFlush(this.#clock()).finally(() => this.#schedule());
      },
      Math.max(0, due - this.#clock()),
    );
  }

  /** Flushes run one at a time, so a partition's events are stored in offset order. */
  #enqueueFlush(now: number): Promise<void> {
    this.#flushing = this.#flushing.then(() => this.#flushDue(now));
    return this.#flushing;
  }

  async #flushDue(now: number): Promise<void> {
    for (const batch of this.#coalescer.takeDue(now)) {
      try {
        await this.#store(batch);
        this.#failure = undefined;
      } catch (error) {
        // Put the notices back to try again: nothing was committed, so nothing is lost.
        this.#failure = error as Error;
        this.#o.logger.error(
          { err: error, partition: batch.partition, notices: batch.notices.length },
          'storing figures events failed; retrying',
        );
        this.#coalescer.add(batch.partition, batch.lastOffset, batch.notices, this.#clock());
      }
    }
  }

  async #store(batch: CoalescedBatch): Promise<void> {
    const { store, names, links, source, queue, logger } = this.#o;
    const byArea = new Map<string, FiguresUpdated[]>();
    for (const notice of batch.notices) {
      byArea.set(notice.areaCode, [...(byArea.get(notice.areaCode) ?? []), notice]);
    }
    const subscriptions = await store.subscriptions.activeFor([...byArea.keys()]);
    const createdAtMs = this.#clock();
    const events: StoredFigureEvent[] = [...byArea].map(([area, notices]) => {
      const data = figuresEventData(area, notices, names, links);
      return {
        id: eventIdOf(area, JSON.stringify(notices)),
        area,
        createdAtMs,
        data,
        subscriptionIds: subscriptions
          .filter((s) => s.area === area && concerns(data, s))
          .map((s) => s.id),
        source: { name: source, partition: batch.partition, offset: batch.lastOffset },
      };
    });
    await store.figureEvents.insert(events);
    const deliveries = events.flatMap((event) => deliveriesOf(event, createdAtMs));
    // A crash before this insert leaves events without delivery states; the dispatcher finds
    // those when it starts (their subscription ids are on the event).
    if (deliveries.length > 0) await store.deliveries.saveStates(deliveries);
    queue.enqueue(deliveries);
    logger.info(
      {
        partition: batch.partition,
        offset: batch.lastOffset,
        notices: batch.notices.length,
        events: events.length,
        deliveries: deliveries.length,
      },
      'figures events stored',
    );
    await this.#o.onStored?.(batch.partition, batch.lastOffset);
  }
}
