import { isMonth, MONTH_EXPECTED } from '@crimestats/domain';
import { UnmappedReasonSchema, type UnmappedReason } from '@crimestats/contracts';
import { CountAccumulator } from '../count-accumulator.ts';
import { checkFieldCount, requiredColumns } from './field-checks.ts';
import { FallsWithinCheck } from './force-check.ts';
import { type FormatParser, type ParseContext, type ParsedFile } from './types.ts';

const UNMAPPED_REASONS: ReadonlySet<string> = new Set(UnmappedReasonSchema.options);
const isUnmappedReason = (value: string): value is UnmappedReason => UNMAPPED_REASONS.has(value);

/**
 * data.police.uk street-level crime. A file is its force's complete month: every CSP area and
 * police.uk crime type of each month in it is published, zero where no row names it, so that a
 * corrected re-issue can lower a count. Its force is the one its first row's `Falls within`
 * names, matched against the reference's forces (loaded ones included): a force the reference
 * does not have refuses the file, and so does a row naming another force than the first.
 */
export function policeUkParser(ctx: ParseContext): FormatParser {
  const counts = new CountAccumulator();
  const months = new Set<string>();
  const unmapped: Partial<Record<UnmappedReason, number>> = {};
  const policeUkCategories = ctx.categories.bySource('police-uk');
  const categoryByLabel = new Map(policeUkCategories.map((c) => [c.label, c.code]));
  // Set from the first row; until then (and for an empty file), the force being loaded.
  let force = ctx.force;
  let forceCsps = new Set(ctx.areas.cspMembersOf(force.code).map((a) => a.code));
  let unknownForce: { name: string; line: number } | undefined;
  const areaByLsoaName = new Map<string, string | null>();
  let fallsWithin: FallsWithinCheck | undefined;
  const firstRow = (name: string, line: number): FallsWithinCheck => {
    const found = ctx.areas.forceByPoliceUkName(name);
    if (found === undefined) unknownForce = { name, line };
    else if (found.code !== force.code) {
      force = found;
      forceCsps = new Set(ctx.areas.cspMembersOf(force.code).map((a) => a.code));
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
    let code = areaByLsoaName.get(lsoaName);
    if (code === undefined) {
      const area = ctx.areas.byLsoaName(lsoaName);
      code = area && forceCsps.has(area.code) ? area.code : null;
      areaByLsoaName.set(lsoaName, code);
    }
    return code ?? 'outside-force';
  };

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
      const forceName = fields[iFallsWithin]!.trim();
      fallsWithin ??= firstRow(forceName, line);
      fallsWithin.add(forceName, line);
      if (unknownForce !== undefined) return;
      const month = fields[iMonth]!;
      const type = fields[iType]!;
      const category = categoryByLabel.get(type);
      const monthOk = isMonth(month);
      if (!monthOk) ctx.problems.add(line, 'Month', month, `expected ${MONTH_EXPECTED}`);
      if (category === undefined) {
        ctx.problems.add(line, 'Crime type', type, 'not a police.uk crime type');
      }
      if (!monthOk || category === undefined) return;
      months.add(month);
      const area = areaOf(fields[iLsoaCode]!.trim(), fields[iLsoaName]!.trim());
      if (isUnmappedReason(area)) countUnmapped(area);
      else counts.add(area, category, month, 1, 1);
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
