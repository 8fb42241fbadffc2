import { categoryCodeFromLabel } from './category-code.ts';
import { CategoryListSchema, type Category } from './category-schema.ts';

/**
 * The category tree. Every category has one parent, and police.uk and Home Office nodes with the
 * same label are the same node, so walking the tree never counts a record twice.
 */
export class CategoryTaxonomy {
  readonly #categories: readonly Category[];
  readonly #byCode: ReadonlyMap<string, Category>;
  readonly #byOffenceCode = new Map<string, Category[]>();

  private constructor(categories: readonly Category[]) {
    this.#categories = categories;
    this.#byCode = new Map(categories.map((category) => [category.code, category]));
    for (const category of categories) {
      for (const code of category.homeOfficeCodes ?? []) {
        this.#byOffenceCode.set(code, [...(this.#byOffenceCode.get(code) ?? []), category]);
      }
    }
    for (const holders of this.#byOffenceCode.values()) {
      holders.sort((a, b) => this.ancestorsOf(a.code).length - this.ancestorsOf(b.code).length);
    }
  }

  /** Validates raw rows (e.g. a parsed categories.json); throws a ZodError naming the bad rows. */
  static fromRows(rows: unknown): CategoryTaxonomy {
    return new CategoryTaxonomy(CategoryListSchema.parse(rows));
  }

  all(): readonly Category[] {
    return this.#categories;
  }

  byCode(code: string): Category | undefined {
    return this.#byCode.get(code);
  }

  /** Like byCode, for codes that must exist; throws a RangeError otherwise. */
  get(code: string): Category {
    const category = this.#byCode.get(code);
    if (category === undefined) throw new RangeError(`unknown category ${code}`);
    return category;
  }

  /** The category a source label (e.g. police.uk's `Crime type`) names, via the code rule. */
  byLabel(label: string): Category | undefined {
    return this.#byCode.get(categoryCodeFromLabel(label));
  }

  roots(): Category[] {
    return this.#categories.filter((category) => category.parent === null);
  }

  childrenOf(code: string): Category[] {
    return this.#categories.filter((category) => category.parent === code);
  }

  /** Parent first, up to the root. */
  ancestorsOf(code: string): Category[] {
    const ancestors: Category[] = [];
    for (let parent = this.get(code).parent; parent !== null; parent = this.get(parent).parent) {
      ancestors.push(this.get(parent));
    }
    return ancestors;
  }

  /**
   * The children whose sum stands for `code` when it is not supplied: all its children when it
   * is `sum-of-children`, none when it is `supplied-only`. For the total that is police.uk's 13
   * crime types only; Home Office subgroups sit below those types, never beside them. A force's
   * own categories are never among them: a flag such as domestic abuse cuts across its parent's
   * parts, so adding it in would count its crimes twice.
   */
  derivationChildrenOf(code: string): Category[] {
    return this.get(code).derivation === 'sum-of-children'
      ? this.childrenOf(code).filter((child) => child.source !== 'force')
      : [];
  }

  /**
   * The categories a Home Office offence code counts in, shallowest first: its subgroup, then any
   * finer category within it that lists the code too (`30C`: non-domestic burglary, then burglary
   * of business and community). Empty for a code no category lists.
   */
  homeOfficeCategoriesOf(offenceCode: string): readonly Category[] {
    return this.#byOffenceCode.get(offenceCode) ?? [];
  }

  bySource(source: Category['source']): Category[] {
    return this.#categories.filter((category) => category.source === source);
  }
}
