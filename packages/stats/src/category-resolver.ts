import type { Category, CategoryTaxonomy, Month } from '@crimestats/domain';
import type { CountLookup } from './count-index.ts';

/**
 * Counts for any category, applying the contract's parent rule for one area and month: a parent
 * supplied directly is used as supplied; otherwise it is the sum of its derivation children
 * (themselves resolved the same way), counting only the children that have a value. With no
 * child value either, the month is missing for the parent too.
 *
 * Which children: only those the taxonomy lists for derivation (`sum-of-children` parents).
 * Total recorded crime is therefore always police.uk's 13 crime types and never also the Home
 * Office subgroups beneath them, so no record is counted twice.
 */
export class CategoryResolver {
  readonly #index: CountLookup;
  readonly #taxonomy: CategoryTaxonomy;
  readonly #memo = new Map<string, number | undefined>();
  /** Derivation children per category; none for a category the taxonomy does not know. */
  readonly #children = new Map<string, readonly Category[]>();

  constructor(index: CountLookup, taxonomy: CategoryTaxonomy) {
    this.#index = index;
    this.#taxonomy = taxonomy;
  }

  countFor(areaCode: string, category: string, month: Month): number | undefined {
    const supplied = this.#index.get(areaCode, category, month);
    if (supplied !== undefined) return supplied;
    const children = this.#derivationChildrenOf(category);
    if (children.length === 0) return undefined;
    const key = `${areaCode}|${category}|${month}`;
    if (this.#memo.has(key)) return this.#memo.get(key);
    const derived = this.#derive(areaCode, children, month);
    this.#memo.set(key, derived);
    return derived;
  }

  #derive(areaCode: string, children: readonly Category[], month: Month): number | undefined {
    let total: number | undefined;
    for (const child of children) {
      const count = this.countFor(areaCode, child.code, month);
      if (count !== undefined) total = (total ?? 0) + count;
    }
    return total;
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
