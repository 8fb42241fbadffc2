import {
  defaultReference,
  liveAreaRegistry,
  liveCategoryTaxonomy,
  type ReferenceData,
} from '@crimestats/domain';
import { loadedReference, referenceWith } from './reference.ts';
import type { ReferenceAreasRepository } from './repositories/reference-areas.ts';
import type { ReferenceCategoriesRepository } from './repositories/reference-categories.ts';

/** What a source reads: the loaded areas and categories and their revisions. */
export interface ReferenceStore {
  referenceAreas: Pick<ReferenceAreasRepository, 'revision' | 'all'>;
  referenceCategories: Pick<ReferenceCategoriesRepository, 'revision' | 'all'>;
}

/** How long `refresh()` trusts the last check of the store's reference revision. */
export const REFERENCE_CHECK_EVERY_MS = 5_000;

export interface ReferenceSourceOptions {
  /** What loaded areas are applied to; the reference in code unless given. */
  base?: ReferenceData;
  checkEveryMs?: number;
  clock?: () => number;
}

/**
 * The store's reference for a long-running service, so areas loaded after it started
 * (`crimestats reference load`) count without a restart. It holds the reference last read and
 * reads it again only when the loaded areas' or categories' revision, two small queries, has moved: `reload()`
 * checks now (before refusing something the reference may lack), `refresh()` at most every
 * `checkEveryMs` (on requests). A failed check throws and keeps the reference held.
 */
export class ReferenceSource {
  readonly #store: ReferenceStore;
  readonly #base: ReferenceData;
  readonly #checkEveryMs: number;
  readonly #clock: () => number;
  #current: ReferenceData;
  #revision: string | undefined;
  #checkedAt = Number.NEGATIVE_INFINITY;
  #checking: Promise<boolean> | undefined;
  /**
   * The reference with areas and categories that are always the current ones, for components
   * built once. (Populations are the base's: loaded ones are applied where figures are computed.)
   */
  readonly live: ReferenceData;

  /** The reference in code until the first check; `open` checks before returning. */
  constructor(store: ReferenceStore, options: ReferenceSourceOptions = {}) {
    this.#store = store;
    this.#base = options.base ?? defaultReference;
    this.#checkEveryMs = options.checkEveryMs ?? REFERENCE_CHECK_EVERY_MS;
    this.#clock = options.clock ?? Date.now;
    this.#current = this.#base;
    this.live = {
      ...this.#base,
      areas: liveAreaRegistry(() => this.#current.areas),
      categories: liveCategoryTaxonomy(() => this.#current.categories),
    };
  }

  static async open(
    store: ReferenceStore,
    options: ReferenceSourceOptions = {},
  ): Promise<ReferenceSource> {
    const source = new ReferenceSource(store, options);
    await source.reload();
    return source;
  }

  current(): ReferenceData {
    return this.#current;
  }

  /** Checks the revision unless checked within `checkEveryMs`; true if the reference changed. */
  async refresh(): Promise<boolean> {
    if (this.#checking !== undefined) return this.#checking;
    if (this.#clock() - this.#checkedAt < this.#checkEveryMs) return false;
    return this.reload();
  }

  /** Checks the revision now, and reads the reference again if it moved; true if it changed. */
  async reload(): Promise<boolean> {
    // A check under way may have read the revision before the caller's load was stored: wait
    // for it, then check again.
    while (this.#checking !== undefined) await this.#checking.catch(() => false);
    const checking = this.#check();
    this.#checking = checking;
    try {
      return await checking;
    } finally {
      this.#checking = undefined;
    }
  }

  async #check(): Promise<boolean> {
    this.#checkedAt = this.#clock();
    // The revision before the rows: a load stored in between is read again at the next check,
    // never missed.
    const revisions = await Promise.all([
      this.#store.referenceAreas.revision(),
      this.#store.referenceCategories.revision(),
    ]);
    const revision = revisions.join(' ');
    if (revision === this.#revision) return false;
    const loaded = await loadedReference(this.#store);
    const changed =
      this.#revision !== undefined || loaded.areas.length > 0 || loaded.categories.length > 0;
    this.#current = referenceWith(this.#base, loaded);
    this.#revision = revision;
    return changed;
  }
}
