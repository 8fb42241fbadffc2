/**
 * Answers cached in memory and keyed by request, each tagged with the version of the stored data
 * it was read under. The version (a cheap query, see the store's `DataVersionRepository`) is
 * checked about once per `versionTtlMs`, so an answer is never older than the store by more than
 * twice that; an answer from an older version is read again.
 */

export interface VersionSource {
  /** A token that changes whenever the figures or the loads change. */
  current(): Promise<{ token: string }>;
}

export interface DataVersionWatchOptions {
  source: VersionSource;
  /**
   * How long a checked version is trusted; 0 checks on every request. For as long again it is
   * still used while a fresh check runs in the background, so under steady load no request
   * waits for the check; after twice the TTL (an idle spell) the next request waits for it.
   */
  versionTtlMs: number;
  now?: () => number;
}

/** The store's data version, asked for at most once at a time however many requests need it. */
export class DataVersionWatch {
  readonly #source: VersionSource;
  readonly #ttlMs: number;
  readonly #now: () => number;
  #checked: { token: string; at: number } | undefined;
  #pending: Promise<string> | undefined;

  constructor(options: DataVersionWatchOptions) {
    this.#source = options.source;
    this.#ttlMs = options.versionTtlMs;
    this.#now = options.now ?? Date.now;
  }

  async token(): Promise<string> {
    const checked = this.#checked;
    const age = checked === undefined ? Number.POSITIVE_INFINITY : this.#now() - checked.at;
    if (checked !== undefined && age < this.#ttlMs) return checked.token;
    if (checked !== undefined && age < 2 * this.#ttlMs) {
      // Refresh ahead: this request goes on with the version it has. A failed check is left to
      // the request that must wait for the next one, which then reports it.
      this.#refresh().catch(() => undefined);
      return checked.token;
    }
    return this.#refresh();
  }

  // One query in flight at a time: requests arriving meanwhile share its answer.
  #refresh(): Promise<string> {
    this.#pending ??= this.#source
      .current()
      .then(({ token }) => {
        this.#checked = { token, at: this.#now() };
        return token;
      })
      .finally(() => {
        this.#pending = undefined;
      });
    return this.#pending;
  }
}

export interface AnswerCacheOptions {
  versions: DataVersionWatch;
  /** Most answers kept; the least recently used goes first. */
  maxEntries: number;
}

export interface CacheOutcome<T> {
  value: T;
  hit: boolean;
}

/** Answers of one kind, by request key. Concurrent misses for one key share one read. */
export class AnswerCache<T> {
  readonly #versions: DataVersionWatch;
  readonly #maxEntries: number;
  readonly #entries = new Map<string, { version: string; value: Promise<T> }>();

  constructor(options: AnswerCacheOptions) {
    if (!Number.isInteger(options.maxEntries) || options.maxEntries < 1) {
      throw new RangeError(`maxEntries must be a positive whole number: ${options.maxEntries}`);
    }
    this.#versions = options.versions;
    this.#maxEntries = options.maxEntries;
  }

  get size(): number {
    return this.#entries.size;
  }

  async get(key: string, read: () => Promise<T>): Promise<CacheOutcome<T>> {
    const version = await this.#versions.token();
    const entry = this.#entries.get(key);
    if (entry !== undefined && entry.version === version) {
      // Re-inserted so the Map's order is least recently used first.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return { value: await entry.value, hit: true };
    }
    const value = read();
    const fresh = { version, value };
    this.#entries.delete(key);
    this.#entries.set(key, fresh);
    this.#evict();
    // A failed read is not kept: the next request tries again.
    value.catch(() => {
      if (this.#entries.get(key) === fresh) this.#entries.delete(key);
    });
    return { value: await value, hit: false };
  }

  #evict(): void {
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) return;
      this.#entries.delete(key);
    }
  }
}
