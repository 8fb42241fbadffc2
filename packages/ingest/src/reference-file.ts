import { createReadStream } from 'node:fs';
import { ReferenceAreaRowSchema, type ReferenceAreaRow } from '@crimestats/domain';
import { readCsv } from './csv-reader.ts';
import { ProblemCollector } from './problems.ts';

type Field = keyof ReferenceAreaRow;

/**
 * The columns a reference file may use for each field: ours, or an ONS lookup's of any vintage
 * (`LAD23CD`, `CSP22NM`, `PFA23CD`, `CTY23NM`…). An ONS lookup has no police.uk name: the force's
 * name is used unless a `police_uk_name` column is added.
 */
const COLUMNS: Record<Field, RegExp> = {
  areaCode: /^(area_code|(LAD|CSP)\d{2}CD)$/,
  areaName: /^(area_name|(LAD|CSP)\d{2}NM)$/,
  forceCode: /^(force_code|PFA\d{2}CD)$/,
  forceName: /^(force_name|PFA\d{2}NM)$/,
  policeUkName: /^police_uk_name$/,
  countyCode: /^(county_code|CTY\d{2}CD)$/,
  countyName: /^(county_name|CTY\d{2}NM)$/,
};
const REQUIRED: readonly Field[] = ['areaCode', 'areaName', 'forceCode', 'forceName'];

export class ReferenceFileError extends Error {}

/**
 * Reads a reference areas file: one row per CSP area with its force and, optionally, its county.
 * Every bad value is reported with the file, line and column; nothing is returned unless the
 * whole file is valid, since half a force's areas would rank as if they were all of it.
 */
export async function readReferenceFile(path: string): Promise<ReferenceAreaRow[]> {
  const problems = new ProblemCollector(20);
  const rows: ReferenceAreaRow[] = [];
  const columns = new Map<Field, { index: number; name: string }>();
  const firstLine = new Map<string, number>();
  const forces = new Map<string, { row: ReferenceAreaRow; line: number }>();
  const counties = new Map<string, { row: ReferenceAreaRow; line: number }>();
  let width = 0;

  const columnOf = (field: string): string =>
    columns.get(field as Field)?.name ?? (field === '' ? '(row)' : field);

  await readCsv(createReadStream(path), {
    header: (fields) => {
      width = fields.length;
      for (const [field, pattern] of Object.entries(COLUMNS) as [Field, RegExp][]) {
        const index = fields.findIndex((f) => pattern.test(f));
        if (index >= 0) columns.set(field, { index, name: fields[index]! });
      }
      const missing = REQUIRED.filter((field) => !columns.has(field));
      if (missing.length > 0) {
        throw new ReferenceFileError(
          `${path}, line 1: missing column${missing.length > 1 ? 's' : ''} ` +
            `${missing.map((f) => COLUMNS[f].source).join(', ')}; expected ` +
            'area_code,area_name,force_code,force_name,police_uk_name[,county_code,county_name] ' +
            'or an ONS lookup (LADyyCD,LADyyNM or CSPyyCD,CSPyyNM with PFAyyCD,PFAyyNM[,CTYyyCD,CTYyyNM])',
        );
      }
    },
    row: (fields, line) => {
      if (fields.length !== width) {
        problems.add(
          line,
          '(row)',
          fields.join(','),
          `expected ${width} fields, found ${fields.length}`,
        );
        return;
      }
      const value = (field: Field): string | undefined => {
        const column = columns.get(field);
        const text = column === undefined ? '' : fields[column.index]!.trim();
        return text === '' ? undefined : text;
      };
      const raw = {
        areaCode: value('areaCode') ?? '',
        areaName: value('areaName') ?? '',
        forceCode: value('forceCode') ?? '',
        forceName: value('forceName') ?? '',
        policeUkName: value('policeUkName') ?? value('forceName') ?? '',
        countyCode: value('countyCode'),
        countyName: value('countyName'),
      };
      const parsed = ReferenceAreaRowSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '');
          problems.add(line, columnOf(field), String(raw[field as Field] ?? ''), issue.message);
        }
        return;
      }
      const row = parsed.data;
      const earlier = firstLine.get(row.areaCode);
      if (earlier !== undefined) {
        problems.add(line, columnOf('areaCode'), row.areaCode, `duplicate of line ${earlier}`);
        return;
      }
      firstLine.set(row.areaCode, line);
      const force = forces.get(row.forceCode);
      if (
        force &&
        (force.row.forceName !== row.forceName || force.row.policeUkName !== row.policeUkName)
      ) {
        problems.add(
          line,
          columnOf('forceName'),
          row.forceName,
          `force ${row.forceCode} is named differently on line ${force.line}`,
        );
        return;
      }
      if (!force) forces.set(row.forceCode, { row, line });
      if (row.countyCode !== undefined) {
        const county = counties.get(row.countyCode);
        if (
          county &&
          (county.row.countyName !== row.countyName || county.row.forceCode !== row.forceCode)
        ) {
          problems.add(
            line,
            columnOf('countyCode'),
            row.countyCode,
            `county ${row.countyCode} has another name or force on line ${county.line}`,
          );
          return;
        }
        if (!county) counties.set(row.countyCode, { row, line });
      }
      rows.push(row);
    },
  });
  if (problems.total > 0) {
    const shown = problems.problems.map(
      (p) => `${path}, line ${p.line}, column ${p.field}: ${p.reason} (found "${p.value}")`,
    );
    const more = problems.total - shown.length;
    throw new ReferenceFileError(
      [...shown, ...(more > 0 ? [`…and ${more} more`] : []), 'Nothing was loaded.'].join('\n'),
    );
  }
  if (rows.length === 0) throw new ReferenceFileError(`${path}: no areas in the file`);
  return rows;
}
