import type { UnmappedReason } from '@crimestats/contracts';
import { FIRST_YEAR, LAST_YEAR, categoryCodeFromLabel, monthFromParts } from '@crimestats/domain';
import { CountAccumulator } from '../count-accumulator.ts';
import { checkFieldCount, requiredColumns } from './field-checks.ts';
import { type FormatParser, type ParseContext, type ParsedFile } from './types.ts';

const FINANCIAL_YEAR = /^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/;
const QUARTER = /^Q?([1-4])$/i;

/**
 * The first month of a financial quarter: the year runs April to March, so Q1 of 2024/25 starts
 * in 2024-04 and Q4 in 2025-01. Undefined when the two year halves do not follow each other.
 */
export function quarterStartMonth(financialYear: string, quarter: string): string | undefined {
  const year = FINANCIAL_YEAR.exec(financialYear.trim());
  const q = QUARTER.exec(quarter.trim());
  if (!year || !q) return undefined;
  const first = Number(year[1]);
  const second = year[2]!.length === 2 ? Number(year[2]) : Number(year[2]) % 100;
  if ((first + 1) % 100 !== second) return undefined;
  const n = Number(q[1]);
  const [startYear, startMonth] = n === 4 ? [first + 1, 1] : [first, 4 + (n - 1) * 3];
  // A year outside the months' range (a typo such as 0224/25) is a bad row, not a crash.
  if (startYear < FIRST_YEAR || startYear > LAST_YEAR) return undefined;
  return monthFromParts(startYear, startMonth);
}

/**
 * Home Office CSP open-data tables: quarterly offence counts per CSP and offence code. Records keep
 * their quarter (a three-month span). Offences map to a category by Home Office offence code first,
 * then by subgroup, then by group; those matching none are reported, not guessed.
 */
export function homeOfficeCspParser(ctx: ParseContext): FormatParser {
  const counts = new CountAccumulator();
  const months = new Set<string>();
  const unmapped: Partial<Record<UnmappedReason, number>> = {};
  const forceCsps = new Set(ctx.areas.cspMembersOf(ctx.force.code).map((a) => a.code));
  const byOffenceCode = new Map<string, string>();
  for (const category of ctx.categories.all()) {
    for (const code of category.homeOfficeCodes ?? []) byOffenceCode.set(code, category.code);
  }
  let width = 0;
  let header: string[] = [];
  let columns = new Map<string, number>();
  const optional = (fields: string[], name: string): string => {
    const i = header.indexOf(name);
    return i < 0 ? '' : (fields[i] ?? '').trim();
  };
  const countUnmapped = (reason: UnmappedReason): void => {
    unmapped[reason] = (unmapped[reason] ?? 0) + 1;
  };

  const categoryOf = (fields: string[], subgroup: string): string | undefined => {
    const byCode = byOffenceCode.get(optional(fields, 'Offence Code'));
    if (byCode) return byCode;
    for (const label of [subgroup, optional(fields, 'Offence Group')]) {
      if (label && ctx.categories.byCode(categoryCodeFromLabel(label)))
        return categoryCodeFromLabel(label);
    }
    return undefined;
  };

  return {
    header(fields) {
      const indices = requiredColumns('home-office-csp', fields);
      width = fields.length;
      header = fields;
      columns = indices;
    },
    row(fields, line) {
      if (!checkFieldCount(fields, width, line, ctx.problems)) return;
      const get = (name: string): string => fields[columns.get(name)!]!.trim();
      const financialYear = get('Financial Year');
      const quarter = get('Financial Quarter');
      const count = get('Number of Offences').replace(/,/g, '');
      const start = quarterStartMonth(financialYear, quarter);
      let valid = true;
      if (!start) {
        valid = false;
        ctx.problems.add(
          line,
          'Financial Year',
          `${financialYear} Q${quarter}`,
          'expected a financial year such as 2024/25 and a quarter 1-4',
        );
      }
      if (!/^\d+$/.test(count)) {
        valid = false;
        ctx.problems.add(line, 'Number of Offences', count, 'expected a whole number of offences');
      }
      if (!valid || !start) return;
      months.add(start);
      const area = ctx.areas.byName(get('CSP Name'));
      if (!area || !forceCsps.has(area.code)) return countUnmapped('outside-force');
      const category = categoryOf(fields, get('Offence Subgroup'));
      if (!category) return countUnmapped('unknown-offence');
      counts.add(area.code, category, start, 3, Number(count));
    },
    result(): ParsedFile {
      return {
        kind: 'counts',
        sourceKind: 'home-office-csp',
        counts,
        months,
        wholeMonths: false,
        categories: [],
        unmapped,
      };
    },
  };
}
