/**
 * Lookups for the attempt path, remembered so that a burst of deliveries for one event or one
 * subscription reads the store once. A lookup in progress is shared; a failed one is forgotten.
 */
export class RecentLookups<T> {
  readonly #load: (key: string) => Promise<T>;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #clock: () => number;
  readonly #entries = new Map<string, { value: Promise<T>; until: number }>();

  constructor(opts: {
    load: (key: string) => Promise<T>;
    ttlMs: number;
    maxEntries: number;
    clock: () => number;
  }) {
    this.#load = opts.load;
    this.#ttlMs = opts.ttlMs;
    this.#maxEntries = opts.maxEntries;
    this.#clock = opts.clock;
  }

  get(key: string): Promise<T> {
    const now = this.#clock();
    const hit = this.#entries.get(key);
    if (hit !== undefined && hit.until > now) {
      // Map order is insertion order: moving a hit to the end keeps the least recent first.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit.value;
    }
    const value = this.#load(key);
    this.#entries.set(key, { value, until: now + this.#ttlMs });
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    while (this.#entries.size > this.#maxEntries) {
      this.#entries.delete(this.#entries.keys().next().value!);
    }
    return value;
  }

  /** Remembers a value already at hand. */
  set(key: string, value: T): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value: Promise.resolve(value), until: this.#clock() + this.#ttlMs });
  }

  forget(key: string): void {
    this.#entries.delete(key);
  }
}
