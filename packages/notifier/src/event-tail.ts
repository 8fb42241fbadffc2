import type { FigureEventsRepository, StoredFigureEvent } from '@crimestats/store';
import type { Logger } from 'pino';

export type EventTailListener = (event: StoredFigureEvent) => void;

export interface EventTailOptions {
  /** Where the events are; written by the notifier, in this process or another. */
  store: { figureEvents: Pick<FigureEventsRepository, 'after' | 'latestPosition'> };
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** Time between polls while anyone listens; default 500 ms. */
  pollMs?: number;
  /** Rows per read; a longer backlog is read in several. Default 500. */
  batchSize?: number;
  /**
   * How far behind the newest event seen each poll looks again. An event can be stored after
   * a newer one (a slower writer, another machine's clock), so reading strictly after the
   * newest would miss it; ids already handed out are remembered for this long. Default 10 s.
   */
  lookbackMs?: number;
}

/**
 * New figures events, as they are stored, for whoever listens: one poller per process however
 * many streams are open, polling only while someone listens. It tails the store, not a bus in
 * memory, because the events may be written by another process. Each event is handed out once
 * (listeners should still tolerate a repeat: a restart starts again from the store).
 */
export class EventTail {
  readonly #events: EventTailOptions['store']['figureEvents'];
  readonly #logger: EventTailOptions['logger'];
  readonly #pollMs: number;
  readonly #batchSize: number;
  readonly #lookbackMs: number;
  readonly #listeners = new Map<string, Set<EventTailListener>>();
  /** Ids handed out (or there before the start), with their times, kept for the lookback. */
  readonly #seen = new Map<string, number>();
  #newestMs = 0;
  /** Bumped whenever polling stops, so a poll still running then drops what it read. */
  #generation = 0;
  #running = false;
  #primed = false;
  #timer: NodeJS.Timeout | undefined;
  /** Polls failed in a row: the first is logged, then only the recovery, not one a tick. */
  #failures = 0;
  #ready = settled();

  constructor(options: EventTailOptions) {
    this.#events = options.store.figureEvents;
    this.#logger = options.logger;
    this.#pollMs = options.pollMs ?? 500;
    this.#batchSize = options.batchSize ?? 500;
    this.#lookbackMs = options.lookbackMs ?? 10_000;
  }

  /** Calls `listener` with each event of `area` stored from now on; returns how to stop. */
  subscribe(area: string, listener: EventTailListener): () => void {
    const forArea = this.#listeners.get(area) ?? new Set();
    this.#listeners.set(area, forArea);
    // A wrapper, so the same function subscribed twice is two subscriptions.
    const entry: EventTailListener = (event) => listener(event);
    forArea.add(entry);
    this.#start();
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      forArea.delete(entry);
      if (forArea.size === 0 && this.#listeners.get(area) === forArea) {
        this.#listeners.delete(area);
      }
      if (this.#listeners.size === 0) this.#halt();
    };
  }

  /**
   * Resolves once the tail knows where "now" is: every event stored after that reaches the
   * listeners. A stream that reads missed events itself waits for this first, so nothing falls
   * between its read and the tail. Resolves at once when nobody listens.
   */
  ready(): Promise<void> {
    return this.#ready.promise;
  }

  get listenerCount(): number {
    let count = 0;
    for (const forArea of this.#listeners.values()) count += forArea.size;
    return count;
  }

  /** Drops every listener and stops polling. */
  stop(): void {
    this.#listeners.clear();
    this.#halt();
  }

  #start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#primed = false;
    this.#ready = settled(false);
    void this.#tick(this.#generation);
  }

  #halt(): void {
    if (!this.#running) return;
    this.#running = false;
    this.#generation += 1;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#ready.resolve();
    // Started again later, it begins from the store's newest then, not from here.
    this.#seen.clear();
    this.#newestMs = 0;
  }

  async #tick(generation: number): Promise<void> {
    try {
      if (!this.#primed) {
        const latest = await this.#events.latestPosition();
        if (generation !== this.#generation) return;
        this.#newestMs = latest.createdAtMs;
        // What is already there when the first listener came is not news.
        await this.#readWindow(generation, false);
        if (generation !== this.#generation) return;
        this.#primed = true;
        this.#ready.resolve();
      } else {
        await this.#readWindow(generation, true);
      }
      if (this.#failures > 0) {
        this.#logger.info({ failures: this.#failures }, 'reading new figures events again');
      }
      this.#failures = 0;
    } catch (error) {
      // A read that failed after polling stopped (its client closing, say) is nobody's concern.
      if (generation !== this.#generation) return;
      if (this.#failures === 0) {
        this.#logger.warn({ err: error }, 'reading new figures events failed; trying again');
      }
      this.#failures += 1;
    }
    if (generation === this.#generation && this.#running) {
      this.#timer = setTimeout(() => void this.#tick(generation), this.#pollMs);
      this.#timer.unref();
    }
  }

  /** Reads every event from the lookback on; hands out those not seen before. */
  async #readWindow(generation: number, deliver: boolean): Promise<void> {
    let cursor = { createdAtMs: Math.max(0, this.#newestMs - this.#lookbackMs), id: '' };
    for (;;) {
      const batch = await this.#events.after(cursor, this.#batchSize);
      if (generation !== this.#generation) return;
      for (const event of batch) {
        if (this.#seen.has(event.id)) continue;
        this.#seen.set(event.id, event.createdAtMs);
        this.#newestMs = Math.max(this.#newestMs, event.createdAtMs);
        if (deliver) this.#deliver(event);
      }
      const last = batch.at(-1);
      if (last === undefined || batch.length < this.#batchSize) break;
      cursor = { createdAtMs: last.createdAtMs, id: last.id };
    }
    const horizon = this.#newestMs - this.#lookbackMs;
    for (const [id, createdAtMs] of this.#seen) {
      if (createdAtMs < horizon) this.#seen.delete(id);
    }
  }

  #deliver(event: StoredFigureEvent): void {
    for (const listener of [...(this.#listeners.get(event.area) ?? [])]) {
      try {
        listener(event);
      } catch (error) {
        // One broken stream must not keep the event from the others.
        this.#logger.error({ err: error, eventId: event.id }, 'a figures event listener failed');
      }
    }
  }
}

function settled(resolved = true): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  if (resolved) resolve();
  return { promise, resolve };
}
