import { z } from 'zod';
import { categoryCodeFromLabel } from './category-code.ts';

/**
 * Which published taxonomy a category comes from; `derived` ones exist only as sums. `force` ones
 * are loaded with `crimestats reference load` for what only the force's own data carries (say,
 * domestic-abuse-flagged crime), so only its monthly counts supply them. They are a flag or a
 * subset within their parent, not a part of it: a parent is never their sum (see
 * CategoryTaxonomy.derivationChildrenOf).
 */
export const CATEGORY_SOURCES = ['police-uk', 'home-office', 'derived', 'force'] as const;
export const CategorySourceSchema = z.enum(CATEGORY_SOURCES);
export type CategorySource = z.infer<typeof CategorySourceSchema>;

/**
 * How a parent is obtained when it is not supplied for an area and month:
 * `sum-of-children` when its children partition it exactly, `supplied-only` when the listed
 * children are only some of its parts (summing them would undercount).
 */
export const CATEGORY_DERIVATIONS = ['sum-of-children', 'supplied-only'] as const;
export const CategoryDerivationSchema = z.enum(CATEGORY_DERIVATIONS);
export type CategoryDerivation = z.infer<typeof CategoryDerivationSchema>;

export const CategorySchema = z
  .object({
    code: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lower-case dashed code'),
    /** The label the code is made from, as the source taxonomy spells it. */
    label: z.string().min(1),
    /** How reports name it; defaults to the label. */
    name: z.string().min(1).optional(),
    source: CategorySourceSchema,
    /** The single parent, so no count can reach an ancestor by two paths. */
    parent: z.string().nullable(),
    derivation: CategoryDerivationSchema.default('sum-of-children'),
    /**
     * The Home Office offence codes this category is made of: all of a subgroup's, or some of
     * them for a finer category within it (`30C`, `37.2`, `1/4.1/4.10/4.2`).
     */
    homeOfficeCodes: z
      .array(z.string().regex(/^\d[\dA-Z]*(?:[./]\d[\dA-Z]*)*$/, 'expected an offence code'))
      .optional(),
    note: z.string().optional(),
  })
  .transform((row) => ({ ...row, name: row.name ?? row.label }));
export type Category = z.infer<typeof CategorySchema>;

/** The whole categories file, with the tree rules a single row cannot check. */
export const CategoryListSchema = z.array(CategorySchema).superRefine((categories, ctx) => {
  const byCode = new Map(categories.map((category) => [category.code, category]));
  const seen = new Set<string>();

  categories.forEach((category, index) => {
    const issue = (message: string): void => {
      ctx.addIssue({ code: 'custom', path: [index], message: `${category.code}: ${message}` });
    };
    if (seen.has(category.code)) issue('duplicate category code');
    seen.add(category.code);
    // A force names its own categories' codes; the published taxonomies' are made from labels.
    if (category.source !== 'force' && categoryCodeFromLabel(category.label) !== category.code) {
      issue(`code does not follow from label "${category.label}"`);
    }
    if (category.parent !== null && !byCode.has(category.parent)) {
      issue(`unknown parent ${category.parent}`);
    }
    if (hasAncestorCycle(category.code, byCode)) issue('parent cycle');
  });
  if (ctx.issues.length === 0) checkOffenceCodeLines(categories, byCode, ctx);
});

/**
 * An offence code counts in every category listing it, so those must lie on one line of descent
 * (a subgroup and finer categories within it); listed beside each other it would count twice.
 */
function checkOffenceCodeLines(
  categories: readonly Category[],
  byCode: ReadonlyMap<string, Category>,
  ctx: z.RefinementCtx,
): void {
  const listing = new Map<string, Category[]>();
  for (const category of categories) {
    for (const code of category.homeOfficeCodes ?? []) {
      listing.set(code, [...(listing.get(code) ?? []), category]);
    }
  }
  for (const [code, holders] of listing) {
    const lines = holders.map((holder) => new Set(lineOf(holder.code, byCode)));
    const oneLine = holders.every((a, i) =>
      holders.every((b, j) => i === j || lines[i]!.has(b.code) || lines[j]!.has(a.code)),
    );
    if (!oneLine || new Set(holders.map((h) => h.code)).size < holders.length) {
      ctx.addIssue({
        code: 'custom',
        path: [categories.indexOf(holders[0]!)],
        message: `offence code ${code} is listed by ${holders.map((h) => h.code).join(', ')}, which are not one line of descent`,
      });
    }
  }
}

/** The category and its ancestors. */
function lineOf(start: string, byCode: ReadonlyMap<string, Category>): string[] {
  const line = [start];
  for (
    let parent = byCode.get(start)?.parent;
    parent != null;
    parent = byCode.get(parent)?.parent
  ) {
    line.push(parent);
  }
  return line;
}

function hasAncestorCycle(start: string, byCode: ReadonlyMap<string, Category>): boolean {
  const seen = new Set<string>([start]);
  for (let parent = byCode.get(start)?.parent; parent != null;) {
    if (seen.has(parent)) return true;
    seen.add(parent);
    parent = byCode.get(parent)?.parent;
  }
  return false;
}
