import { createReadStream } from 'node:fs';
import {
  ReferenceCategoryRowSchema,
  categoryClash,
  type CategoryTaxonomy,
  type ReferenceCategoryRow,
} from '@crimestats/domain';
import { readCsv } from './csv-reader.ts';
import { ProblemCollector } from './problems.ts';
import { ReferenceFileError } from './reference-file.ts';

type Field = keyof ReferenceCategoryRow;
const FIELDS: readonly Field[] = ['code', 'label', 'parent'];

/** Whether a header is a categories file's: exactly `code,label,parent`, in any order. */
export function isCategoriesHeader(fields: readonly string[]): boolean {
  return fields.length === FIELDS.length && FIELDS.every((field) => fields.includes(field));
}

/**
 * Reads a categories file, `code,label,parent`: categories only the force's own data carries,
 * each under a parent that `known` (the taxonomy with what was loaded before) or the file has.
 * Every bad value is reported with the file, line and column, and nothing is returned unless the
 * whole file is valid: counts could otherwise be loaded for half a family of categories.
 */
export async function readReferenceCategoriesFile(
  path: string,
  known: CategoryTaxonomy,
): Promise<ReferenceCategoryRow[]> {
  const problems = new ProblemCollector(20);
  const rows: { row: ReferenceCategoryRow; line: number }[] = [];
  const lineOf = new Map<string, number>();
  const index = new Map<Field, number>();

  await readCsv(createReadStream(path), {
    header: (fields) => {
      if (!isCategoriesHeader(fields)) {
        throw new ReferenceFileError(
          `${path}, line 1: expected the columns code,label,parent (found "${fields.join(',')}")`,
        );
      }
      for (const field of FIELDS) index.set(field, fields.indexOf(field));
    },
    row: (fields, line) => {
      if (fields.length !== FIELDS.length) {
        problems.add(line, '(row)', fields.join(','), `expected 3 fields, found ${fields.length}`);
        return;
      }
      const raw = Object.fromEntries(
        FIELDS.map((field) => [field, fields[index.get(field)!]!.trim()]),
      ) as Record<Field, string>;
      const parsed = ReferenceCategoryRowSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0]) as Field;
          problems.add(line, field, raw[field], issue.message);
        }
        return;
      }
      const row = parsed.data;
      const earlier = lineOf.get(row.code);
      if (earlier !== undefined) {
        problems.add(line, 'code', row.code, `duplicate of line ${earlier}`);
        return;
      }
      const clash = categoryClash(known, row);
      if (clash !== undefined) {
        problems.add(line, 'code', row.code, clash);
        return;
      }
      lineOf.set(row.code, line);
      rows.push({ row, line });
    },
  });
  // Parents last: a parent may be defined further down the file.
  const parentInFile = new Map(rows.map(({ row }) => [row.code, row.parent]));
  for (const { row, line } of rows) {
    if (!parentInFile.has(row.parent) && known.byCode(row.parent) === undefined) {
      problems.add(line, 'parent', row.parent, 'not a known category code nor one in the file');
    } else if (reachesItself(row.code, parentInFile)) {
      problems.add(line, 'parent', row.parent, `${row.code} would be its own ancestor`);
    }
  }
  if (problems.total > 0) {
    const shown = [...problems.problems]
      .sort((a, b) => a.line - b.line)
      .map((p) => `${path}, line ${p.line}, column ${p.field}: ${p.reason} (found "${p.value}")`);
    const more = problems.total - shown.length;
    throw new ReferenceFileError(
      [...shown, ...(more > 0 ? [`…and ${more} more`] : []), 'Nothing was loaded.'].join('\n'),
    );
  }
  if (rows.length === 0) throw new ReferenceFileError(`${path}: no categories in the file`);
  return rows.map(({ row }) => row);
}

/** Whether following parents within the file from `code` comes back to it. */
function reachesItself(code: string, parentOf: ReadonlyMap<string, string>): boolean {
  const seen = new Set<string>();
  for (let at = parentOf.get(code); at !== undefined; at = parentOf.get(at)) {
    if (at === code) return true;
    if (seen.has(at)) return false;
    seen.add(at);
  }
  return false;
}

/** Which kind of reference file a file is, by its header: categories, or else areas. */
export async function referenceFileKind(path: string): Promise<'areas' | 'categories'> {
  let kind: 'areas' | 'categories' = 'areas';
  const stop = new Error('header read');
  await readCsv(createReadStream(path), {
    header: (fields) => {
      if (isCategoriesHeader(fields)) kind = 'categories';
      throw stop;
    },
    row: () => {},
  }).catch((error: unknown) => {
    if (error !== stop) throw error;
  });
  return kind;
}
