import { MonthSchema } from '@crimestats/contracts';
import type { ProblemCollector } from '../problems.ts';

/**
 * Month validation through the shared zod schema, memoised: a file repeats a handful of months
 * a million times, and only the first sight of each needs the schema.
 */
export function monthChecker(): (value: string) => boolean {
  const valid = new Set<string>();
  return (value) => {
    if (valid.has(value)) return true;
    if (!MonthSchema.safeParse(value).success) return false;
    valid.add(value);
    return true;
  };
}

/** A row with the wrong number of fields is one problem, not one per missing field. */
export function checkFieldCount(
  fields: string[],
  expected: number,
  line: number,
  problems: ProblemCollector,
): boolean {
  if (fields.length === expected) return true;
  problems.add(
    line,
    '(row)',
    fields.join(','),
    `expected ${expected} fields, found ${fields.length}`,
  );
  return false;
}
