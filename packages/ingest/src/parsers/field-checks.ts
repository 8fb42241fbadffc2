import type { InputFormat } from '@crimestats/contracts';
import type { z } from 'zod';
import { columnIndices } from '../formats.ts';
import { MissingColumnsError } from './types.ts';
import type { ProblemCollector } from '../problems.ts';

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

/**
 * Reads the named columns of a row and validates them with a zod row schema; every failing field
 * becomes a problem naming its column, and the row is left out (undefined).
 */
export function parseRowFields<T>(
  fields: string[],
  columns: ReadonlyMap<string, number>,
  schema: z.ZodType<T>,
  line: number,
  problems: ProblemCollector,
): T | undefined {
  const raw = Object.fromEntries([...columns].map(([name, i]) => [name, fields[i]!.trim()]));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '(row)');
    problems.add(line, field, raw[field] ?? '', issue.message);
  }
  return undefined;
}

/** The column index of each column the format needs; throws naming any that are missing. */
export function requiredColumns(format: InputFormat, header: string[]): Map<string, number> {
  const { indices, missing } = columnIndices(format, header);
  if (missing.length > 0) throw new MissingColumnsError(missing);
  return indices;
}
