import type { UnknownOffenceCode } from '@crimestats/contracts';
import { categoryCodeFromLabel, type CategoryTaxonomy } from '@crimestats/domain';

/** Where one Home Office row counts: the categories it adds to, and whether its code was known. */
export interface OffencePlacement {
  /** Its category, every category above it, and any finer category listing its code. */
  categories: readonly string[];
  /** The category the row was placed in, or null when neither its code nor a label is known. */
  placedIn: string | null;
}

/**
 * Places Home Office offence rows in categories. A row belongs to the subgroup listing its offence
 * code; a code the classification lacks falls back to the row's subgroup label, then its group
 * label. Its offences then count in that category and in every category above it, so each parent
 * is the sum of all its offence rows wherever each was placed (a row placed in `vehicle-offences`
 * itself adds to it beside the rows of its subgroups). A finer category listing the code
 * (`burglary-business-and-community` for `30C`) counts it too.
 */
export class OffencePlacer {
  readonly #taxonomy: CategoryTaxonomy;
  /** Every category a row can reach: those listing offence codes and all above them. */
  readonly reachable: ReadonlySet<string>;
  readonly #cache = new Map<string, OffencePlacement>();

  constructor(taxonomy: CategoryTaxonomy) {
    this.#taxonomy = taxonomy;
    this.reachable = new Set(
      taxonomy
        .all()
        .filter((category) => (category.homeOfficeCodes ?? []).length > 0)
        .flatMap((category) => [category.code, ...this.#above(category.code)]),
    );
  }

  place(offenceCode: string, subgroup: string, group: string): OffencePlacement {
    const key = `${offenceCode}|${subgroup}|${group}`;
    let placement = this.#cache.get(key);
    if (placement === undefined) {
      placement = this.#place(offenceCode, subgroup, group);
      this.#cache.set(key, placement);
    }
    return placement;
  }

  /** Whether the offence classification knows this code (an empty code is no code at all). */
  knows(offenceCode: string): boolean {
    return offenceCode === '' || this.#taxonomy.homeOfficeCategoriesOf(offenceCode).length > 0;
  }

  #place(offenceCode: string, subgroup: string, group: string): OffencePlacement {
    const [home, ...finer] = this.#taxonomy.homeOfficeCategoriesOf(offenceCode);
    if (home !== undefined) {
      const categories = [home.code, ...this.#above(home.code), ...finer.map((c) => c.code)];
      return { categories, placedIn: home.code };
    }
    for (const label of [subgroup, group]) {
      const code = categoryCodeFromLabel(label);
      if (label !== '' && this.reachable.has(code)) {
        return { categories: [code, ...this.#above(code)], placedIn: code };
      }
    }
    return { categories: [], placedIn: null };
  }

  #above(code: string): string[] {
    return this.#taxonomy.ancestorsOf(code).map((category) => category.code);
  }
}

/** Offence codes the classification lacks, as the file report lists them. */
export class UnknownOffenceCodes {
  readonly #codes = new Map<string, UnknownOffenceCode>();

  add(offenceCode: string, offences: number, countedIn: string | null): void {
    const seen = this.#codes.get(offenceCode);
    if (seen) {
      seen.rows++;
      seen.offences += offences;
    } else this.#codes.set(offenceCode, { rows: 1, offences, countedIn });
  }

  toReport(): Record<string, UnknownOffenceCode> {
    return Object.fromEntries(this.#codes);
  }
}
