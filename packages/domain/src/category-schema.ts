import { z } from 'zod';
import { categoryCodeFromLabel } from './category-code.ts';

/** Which published taxonomy a category comes from; `derived` ones exist only as sums. */
export const CATEGORY_SOURCES = ['police-uk', 'home-office', 'derived'] as const;
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
    /** Home Office offence codes, recorded only where they are certain. */
    homeOfficeCodes: z.array(z.string().regex(/^\d+[A-Z]?$/)).optional(),
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
    if (categoryCodeFromLabel(category.label) !== category.code) {
      issue(`code does not follow from label "${category.label}"`);
    }
    if (category.parent !== null && !byCode.has(category.parent)) {
      issue(`unknown parent ${category.parent}`);
    }
    if (hasAncestorCycle(category.code, byCode)) issue('parent cycle');
  });
});

function hasAncestorCycle(start: string, byCode: ReadonlyMap<string, Category>): boolean {
  const seen = new Set<string>([start]);
  for (let parent = byCode.get(start)?.parent; parent != null;) {
    if (seen.has(parent)) return true;
    seen.add(parent);
    parent = byCode.get(parent)?.parent;
  }
  return false;
}
