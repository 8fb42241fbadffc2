/**
 * Deliveries by when they are due, earliest first: a binary heap. An id may be pushed again with a
 * new time; the caller tells which entries are still current when it pops (old ones are skipped),
 * so nothing has to be found and removed inside the heap.
 */
export class DueQueue {
  readonly #heap: Array<{ at: number; id: string }> = [];

  get size(): number {
    return this.#heap.length;
  }

  push(id: string, at: number): void {
    const heap = this.#heap;
    heap.push({ at, id });
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= heap[i]!.at) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  /** The earliest time anything is due, or undefined when nothing is queued. */
  peek(): number | undefined {
    return this.#heap[0]?.at;
  }

  /** The earliest entry due by `now`, taken out of the queue; undefined when none is. */
  popDue(now: number): { at: number; id: string } | undefined {
    const heap = this.#heap;
    const top = heap[0];
    if (top === undefined || top.at > now) return undefined;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      for (let i = 0; ;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let least = i;
        if (left < heap.length && heap[left]!.at < heap[least]!.at) least = left;
        if (right < heap.length && heap[right]!.at < heap[least]!.at) least = right;
        if (least === i) break;
        [heap[least], heap[i]] = [heap[i]!, heap[least]!];
        i = least;
      }
    }
    return top;
  }
}
