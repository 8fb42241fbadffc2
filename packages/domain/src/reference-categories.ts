import { z } from 'zod';
import { CategoryCodeSchema } from './category-code.ts';
import type { Category } from './category-schema.ts';
import { CategoryTaxonomy } from './category-taxonomy.ts';

/**
 * One row of a loaded categories file: a category only the force's own data carries (such as
 * domestic-abuse-flagged crime), placed under a parent of the taxonomy or of the same file.
 */
export const ReferenceCategoryRowSchema = z.object({
  code: CategoryCodeSchema,
  label: z.string().trim().min(1, 'expected a label'),
  parent: CategoryCodeSchema,
});
export type ReferenceCategoryRow = z.infer<typeof ReferenceCategoryRowSchema>;

/**
 * Why a row cannot join `known` (the taxonomy with whatever was loaded before), or undefined when
 * it can: its code may not be a published category's, nor one loaded before with another label or
 * parent (loading the same row again is fine). The parent check is the caller's, since a parent
 * may come later in the same file.
 */
export function categoryClash(
  known: CategoryTaxonomy,
  row: ReferenceCategoryRow,
): string | undefined {
  const existing = known.byCode(row.code);
  if (existing === undefined) return undefined;
  if (existing.source !== 'force') {
    return `${row.code} is a ${existing.source} category; a loaded category needs a code of its own`;
  }
  if (existing.label !== row.label || existing.parent !== row.parent) {
    return `${row.code} was loaded before as "${existing.label}" under ${existing.parent ?? '(none)'}`;
  }
  return undefined;
}

/**
 * The taxonomy with loaded categories added as the force's own (`source: force`). They are never
 * summed into their parent, and a parent of their own is only ever supplied. Throws a RangeError
 * naming the row if one clashes (see categoryClash), has an unknown parent or makes a cycle.
 */
export function withReferenceCategories(
  base: CategoryTaxonomy,
  rows: readonly ReferenceCategoryRow[],
): CategoryTaxonomy {
  if (rows.length === 0) return base;
  const added = new Map<string, Category>();
  for (const row of rows) {
    const clash = categoryClash(base, row);
    if (clash !== undefined) throw new RangeError(clash);
    const earlier = added.get(row.code);
    if (earlier !== undefined && (earlier.label !== row.label || earlier.parent !== row.parent)) {
      throw new RangeError(`${row.code} is given twice, as "${earlier.label}" and "${row.label}"`);
    }
    added.set(row.code, {
      code: row.code,
      label: row.label,
      name: row.label,
      source: 'force',
      parent: row.parent,
      derivation: 'supplied-only',
    });
  }
  try {
    return CategoryTaxonomy.fromRows([
      ...base.all().filter((category) => !added.has(category.code)),
      ...added.values(),
    ]);
  } catch (error) {
    // The tree rules (an unknown parent, a cycle) are the list schema's; say them plainly.
    if (!(error instanceof z.ZodError)) throw error;
    throw new RangeError(error.issues.map((issue) => issue.message).join('; '));
  }
}
