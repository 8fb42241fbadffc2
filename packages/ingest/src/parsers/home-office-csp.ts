import type { UnmappedReason } from '@crimestats/contracts';
import { FIRST_YEAR, LAST_YEAR, monthFromParts } from '@crimestats/domain';
import { CountAccumulator } from '../count-accumulator.ts';
import { checkFieldCount, requiredColumns } from './field-checks.ts';
import { OffencePlacer, UnknownOffenceCodes } from './home-office-offences.ts';
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
 * their quarter (a three-month span). Each row counts in its subgroup and every category above it
 * (see OffencePlacer); offence codes the classification lacks are reported by code, and rows that
 * cannot be placed at all are counted as `unknown-offence`, never guessed.
 *
 * A table speaks for every offence of each CSP area and quarter it holds (tables leave out the
 * offences with none), so each such area and quarter gets every category a row can reach, zero
 * where none did: a corrected table can lower a count, and a parent is complete.
 */
export function homeOfficeCspParser(ctx: ParseContext): FormatParser {
  const counts = new CountAccumulator();
  const unmapped: Partial<Record<UnmappedReason, number>> = {};
  const forceCsps = new Set(ctx.areas.cspMembersOf(ctx.force.code).map((a) => a.code));
  const placer = new OffencePlacer(ctx.categories);
  const unknownCodes = new UnknownOffenceCodes();
  /** `area|quarter start` of every force area and quarter the table holds. */
  const areaQuarters = new Set<string>();
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
      const area = ctx.areas.byName(get('CSP Name'));
      if (!area || !forceCsps.has(area.code)) return countUnmapped('outside-force');
      areaQuarters.add(`${area.code}|${start}`);
      const offences = Number(count);
      const offenceCode = optional(fields, 'Offence Code');
      const placement = placer.place(
        offenceCode,
        get('Offence Subgroup'),
        optional(fields, 'Offence Group'),
      );
      if (!placer.knows(offenceCode)) unknownCodes.add(offenceCode, offences, placement.placedIn);
      if (placement.placedIn === null) return countUnmapped('unknown-offence');
      for (const category of placement.categories) {
        counts.add(area.code, category, start, 3, offences);
      }
    },
    result(): ParsedFile {
      for (const key of areaQuarters) {
        const [areaCode, start] = key.split('|') as [string, string];
        for (const category of placer.reachable) counts.add(areaCode, category, start, 3, 0);
      }
      return {
        kind: 'counts',
        sourceKind: 'home-office-csp',
        counts,
        months: new Set([...areaQuarters].map((key) => key.split('|')[1]!)),
        wholeMonths: false,
        categories: [],
        unmapped,
        unknownOffenceCodes: unknownCodes.toReport(),
      };
    },
  };
}
