import { isMonth, MONTH_EXPECTED } from '@crimestats/domain';
import { UnmappedReasonSchema, type UnmappedReason } from '@crimestats/contracts';
import { CountAccumulator } from '../count-accumulator.ts';
import { checkFieldCount, requiredColumns } from './field-checks.ts';
import { FallsWithinCheck } from './force-check.ts';
import { type FormatParser, type ParseContext, type ParsedFile } from './types.ts';

const UNMAPPED_REASONS: readonly UnmappedReason[] = UnmappedReasonSchema.options;

/**
 * The rows of one Month and Crime type text: valid, a tally per CSP area of the force (in the order
 * of its areas); invalid, the texts to name in each such row's problems (undefined when valid).
 */
type MonthAndType =
  | { valid: true; month: string; category: string; rows: number[] }
  | { valid: false; month: string | undefined; type: string | undefined };

/**
 * A copy of a field's text for keeping as a key: V8 cuts longer fields as slices of the chunk they
 * came from, and a kept slice would keep that whole chunk of the file in memory.
 */
const detached = (text: string): string => (text + ' ').slice(0, -1);

/**
 * data.police.uk street-level crime. A file is its force's complete month: every CSP area and
 * police.uk crime type of each month in it is published, zero where no row names it, so that a
 * corrected re-issue can lower a count. Its force is the one its first row's `Falls within`
 * names, matched against the reference's forces (loaded ones included): a force the reference
 * does not have refuses the file, and so does a row naming another force than the first.
 */
export function policeUkParser(ctx: ParseContext): FormatParser {
  const months = new Set<string>();
  const unmapped: Partial<Record<UnmappedReason, number>> = {};
  const policeUkCategories = ctx.categories.bySource('police-uk');
  const categoryByLabel = new Map(policeUkCategories.map((c) => [c.label, c.code]));
  // Set from the first row; until then (and for an empty file), the force being loaded.
  let force = ctx.force;
  // The force's CSP areas, each with its place in a tally.
  const cspsOf = (forceCode: string): Map<string, number> =>
    new Map(ctx.areas.cspMembersOf(forceCode).map((a, i) => [a.code, i]));
  let forceCsps = cspsOf(force.code);
  let unknownForce: { name: string; line: number } | undefined;
  let fallsWithin: FallsWithinCheck | undefined;
  const firstRow = (name: string, line: number): FallsWithinCheck => {
    const found = ctx.areas.forceByPoliceUkName(name);
    if (found === undefined) unknownForce = { name, line };
    else if (found.code !== force.code) {
      force = found;
      forceCsps = cspsOf(force.code);
    }
    return new FallsWithinCheck(name);
  };
  let width = 0;
  let iMonth = 0;
  let iFallsWithin = 0;
  let iType = 0;
  let iLsoaCode = 0;
  let iLsoaName = 0;

  const countUnmapped = (reason: UnmappedReason): void => {
    unmapped[reason] = (unmapped[reason] ?? 0) + 1;
  };

  const areaOf = (lsoaCode: string, lsoaName: string): string | UnmappedReason => {
    if (lsoaCode === '' && lsoaName === '') return 'no-lsoa';
    if (ctx.lsoaLookup) {
      const code = ctx.lsoaLookup.get(lsoaCode);
      if (code === undefined) return 'unknown-lsoa';
      return forceCsps.has(code) ? code : 'outside-force';
    }
    const area = ctx.areas.byLsoaName(lsoaName);
    return area && forceCsps.has(area.code) ? area.code : 'outside-force';
  };

  // A million rows have some tens of Month and Crime type texts and some thousands of LSOAs, so
  // each text is validated and looked up once, when first seen, and rows only count.
  const byMonth = new Map<string, Map<string, MonthAndType>>();
  const tallies: Extract<MonthAndType, { valid: true }>[] = [];
  let lastMonth: string | undefined;
  let byType = new Map<string, MonthAndType>();
  const monthAndType = (month: string, type: string): MonthAndType => {
    if (month !== lastMonth) {
      lastMonth = month;
      const known = byMonth.get(month);
      if (known === undefined) byMonth.set(detached(month), (byType = new Map()));
      else byType = known;
    }
    let found = byType.get(type);
    if (found === undefined) {
      const category = categoryByLabel.get(type);
      const monthOk = isMonth(month);
      if (monthOk && category !== undefined) {
        const rows = new Array<number>(forceCsps.size).fill(0);
        found = { valid: true, month: detached(month), category, rows };
        tallies.push(found);
        months.add(found.month);
      } else {
        const badType = category === undefined ? detached(type) : undefined;
        found = { valid: false, month: monthOk ? undefined : detached(month), type: badType };
      }
      byType.set(detached(type), found);
    }
    return found;
  };

  // Where a row counts: its CSP area's place in a tally, or -1 - the index of its unmapped reason.
  // Decided by the LSOA code when a lookup is loaded, else by the LSOA name.
  const places = new Map<string, number>();
  const placeOf = (lsoaCode: string, lsoaName: string): number => {
    const key = ctx.lsoaLookup ? lsoaCode : lsoaName;
    const known = places.get(key);
    if (known !== undefined) return known;
    const area = areaOf(lsoaCode.trim(), lsoaName.trim());
    const csp = forceCsps.get(area);
    const place = csp ?? -1 - UNMAPPED_REASONS.indexOf(area as UnmappedReason);
    // A blank key leaves the other field to decide (both blank: no LSOA), so it is not kept.
    if (key.trim() !== '') places.set(detached(key), place);
    return place;
  };
  // Every row names the same force, each time in a new string: trim only when its text changes.
  let lastForceField: string | undefined;
  let forceName = '';

  return {
    header(fields) {
      const indices = requiredColumns('police-uk', fields);
      width = fields.length;
      iMonth = indices.get('Month')!;
      iFallsWithin = indices.get('Falls within')!;
      iType = indices.get('Crime type')!;
      iLsoaCode = indices.get('LSOA code')!;
      iLsoaName = indices.get('LSOA name')!;
    },
    row(fields, line) {
      if (!checkFieldCount(fields, width, line, ctx.problems)) return;
      const forceField = fields[iFallsWithin]!;
      if (forceField !== lastForceField) {
        lastForceField = forceField;
        forceName = forceField.trim();
      }
      fallsWithin ??= firstRow(forceName, line);
      fallsWithin.add(forceName, line);
      if (unknownForce !== undefined) return;
      const found = monthAndType(fields[iMonth]!, fields[iType]!);
      if (!found.valid) {
        if (found.month !== undefined) {
          ctx.problems.add(line, 'Month', found.month, `expected ${MONTH_EXPECTED}`);
        }
        if (found.type !== undefined) {
          ctx.problems.add(line, 'Crime type', found.type, 'not a police.uk crime type');
        }
        return;
      }
      const place = placeOf(fields[iLsoaCode]!, fields[iLsoaName]!);
      if (place >= 0) found.rows[place]!++;
      else countUnmapped(UNMAPPED_REASONS[-1 - place]!);
    },
    refusal: () => {
      if (unknownForce === undefined) return fallsWithin?.refusal();
      const known = ctx.areas.forces().map((f) => f.policeForce?.policeUkName ?? f.name);
      return (
        `"Falls within" names a force the reference does not have: ${unknownForce.name || '(empty)'} ` +
        `(line ${unknownForce.line}); the reference's forces are ${known.join(', ')}. ` +
        'Load its areas with `crimestats reference load` first. Nothing was published.'
      );
    },
    lacksReference: () => unknownForce !== undefined,
    result(): ParsedFile {
      const counts = new CountAccumulator();
      const cspCodes = [...forceCsps.keys()];
      for (const { month, category, rows } of tallies) {
        rows.forEach((n, place) => {
          if (n > 0) counts.add(cspCodes[place]!, category, month, 1, n);
        });
      }
      return {
        kind: 'counts',
        sourceKind: 'police-uk',
        force,
        counts,
        months,
        wholeMonths: true,
        categories: policeUkCategories.map((c) => c.code),
        unmapped,
      };
    },
  };
}
