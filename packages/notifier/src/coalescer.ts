import type { FiguresUpdated } from '@crimestats/contracts';

/**
 * How long notices wait to be joined into one event. A load reaches the notifier as bursts of
 * notices (one per recompute chunk and partition batch); waiting for a quiet spell turns the whole
 * load into one delivery per subscription, and the hold limit bounds how late the first notice of a
 * long back-load is sent (so a 24-month back-load yields about one delivery per `maxHoldMs`).
 */
export interface CoalesceTiming {
  /** Flush a partition when no notice has come for this long. */
  quietMs: number;
  /** Flush a partition at the latest this long after its first buffered notice. */
  maxHoldMs: number;
}

export const DEFAULT_COALESCE: CoalesceTiming = { quietMs: 500, maxHoldMs: 5_000 };

/** The notices of one partition ready to become events, and the last offset they include. */
export interface CoalescedBatch {
  partition: number;
  lastOffset: number;
  notices: FiguresUpdated[];
}

interface Buffer {
  notices: FiguresUpdated[];
  firstAt: number;
  lastAt: number;
  lastOffset: number;
}

/**
 * Notices buffered per source partition until they are due. Pure: the caller passes the time, so
 * tests need no clock. Per partition, not per area, because a partition's offset can only be
 * committed once every notice before it is an event.
 */
export class Coalescer {
  readonly #timing: CoalesceTiming;
  readonly #buffers = new Map<number, Buffer>();

  constructor(timing: CoalesceTiming = DEFAULT_COALESCE) {
    this.#timing = timing;
  }

  add(partition: number, offset: number, notices: readonly FiguresUpdated[], now: number): void {
    const buffer = this.#buffers.get(partition);
    if (buffer === undefined) {
      this.#buffers.set(partition, {
        notices: [...notices],
        firstAt: now,
        lastAt: now,
        lastOffset: offset,
      });
      return;
    }
    for (const notice of notices) buffer.notices.push(notice);
    buffer.lastAt = now;
    buffer.lastOffset = Math.max(buffer.lastOffset, offset);
  }

  /** When the next partition falls due, or undefined when nothing is buffered. */
  nextDueAt(): number | undefined {
    let next: number | undefined;
    for (const buffer of this.#buffers.values()) {
      const due = this.#dueAt(buffer);
      if (next === undefined || due < next) next = due;
    }
    return next;
  }

  /** Takes out the partitions due at `now` (every partition when `now` is Infinity). */
  takeDue(now: number): CoalescedBatch[] {
    const due: CoalescedBatch[] = [];
    for (const [partition, buffer] of this.#buffers) {
      if (this.#dueAt(buffer) > now) continue;
      this.#buffers.delete(partition);
      due.push({ partition, lastOffset: buffer.lastOffset, notices: buffer.notices });
    }
    return due;
  }

  /** Drops a partition's buffer (it was revoked: its new owner reads the notices again). */
  drop(partition: number): void {
    this.#buffers.delete(partition);
  }

  get size(): number {
    return this.#buffers.size;
  }

  #dueAt(buffer: Buffer): number {
    return Math.min(buffer.lastAt + this.#timing.quietMs, buffer.firstAt + this.#timing.maxHoldMs);
  }
}
