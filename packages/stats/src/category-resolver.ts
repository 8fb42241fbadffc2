import type { Category, CategoryTaxonomy, Month } from '@crimestats/domain';
import type { CountLookup } from './count-index.ts';

/** A category's count for one area and month, and whether every part of it has a record. */
export interface ResolvedCount {
  count: number;
  /**
   * True when supplied, or derived from children that all have a record for the month (each
   * complete itself); false when some child had none, so the count may be too low.
   */
  complete: boolean;
}

/**
 * Counts for any category, applying the contract's parent rule for one area and month: a parent
 * supplied directly is used as supplied; otherwise it is the sum of its derivation children
 * (themselves resolved the same way), counting only the children that have a value, and complete
 * only when every one has. With no child value either, the month is missing for the parent too.
 *
 * Which children: only those the taxonomy lists for derivation (`sum-of-children` parents), each
 * in one place in a single-parent tree, so no record is counted twice.
 */
export class CategoryResolver {
  readonly #index: CountLookup;
  readonly #taxonomy: CategoryTaxonomy;
  readonly #memo = new Map<string, ResolvedCount | undefined>();
  /** Derivation children per category; none for a category the taxonomy does not know. */
  readonly #children = new Map<string, readonly Category[]>();

  constructor(index: CountLookup, taxonomy: CategoryTaxonomy) {
    this.#index = index;
    this.#taxonomy = taxonomy;
  }

  countFor(areaCode: string, category: string, month: Month): number | undefined {
    return this.resolve(areaCode, category, month)?.count;
  }

  resolve(areaCode: string, category: string, month: Month): ResolvedCount | undefined {
    const supplied = this.#index.get(areaCode, category, month);
    if (supplied !== undefined) return { count: supplied, complete: true };
    const children = this.#derivationChildrenOf(category);
    if (children.length === 0) return undefined;
    const key = `${areaCode}|${category}|${month}`;
    if (this.#memo.has(key)) return this.#memo.get(key);
    const derived = this.#derive(areaCode, children, month);
    this.#memo.set(key, derived);
    return derived;
  }

  #derive(
    areaCode: string,
    children: readonly Category[],
    month: Month,
  ): ResolvedCount | undefined {
    let total: number | undefined;
    let complete = true;
    for (const child of children) {
      const resolved = this.resolve(areaCode, child.code, month);
      if (resolved === undefined) complete = false;
      else {
        total = (total ?? 0) + resolved.count;
        complete &&= resolved.complete;
      }
    }
    return total === undefined ? undefined : { count: total, complete };
  }

  #derivationChildrenOf(category: string): readonly Category[] {
    let children = this.#children.get(category);
    if (children === undefined) {
      children =
        this.#taxonomy.byCode(category) === undefined
          ? []
          : this.#taxonomy.derivationChildrenOf(category);
      this.#children.set(category, children);
    }
    return children;
  }
}
