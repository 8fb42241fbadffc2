import { AreaCodeSchema, CategoryCodeSchema, CountSchema, MonthSchema } from '@crimestats/domain';
import { z } from 'zod';
import { CountAccumulator } from '../count-accumulator.ts';
import { checkFieldCount, parseRowFields, requiredColumns } from './field-checks.ts';
import { type FormatParser, type ParseContext, type ParsedFile } from './types.ts';

const WholeNumber = z
  .string()
  .regex(/^\d+$/, 'expected a whole number of crimes')
  .transform(Number)
  .pipe(CountSchema);

/** `month,area_code,category,count`: counts as the force supplies them, one per area, category and month. */
export function monthlyCountsParser(ctx: ParseContext): FormatParser {
  const counts = new CountAccumulator();
  const months = new Set<string>();
  const firstSeen = new Map<string, number>();
  // Any CSP area of the reference, of whichever force: counts name their areas.
  const csps = new Set(ctx.areas.cspAreas().map((a) => a.code));
  const Row = z.object({
    month: MonthSchema,
    area_code: AreaCodeSchema.refine((code) => csps.has(code), {
      message: 'not a CSP area of the reference; rollups are computed from their members',
    }),
    category: CategoryCodeSchema.refine((code) => ctx.categories.byCode(code) !== undefined, {
      message: 'not a known category code',
    }),
    count: WholeNumber,
  });
  let width = 0;
  let columns = new Map<string, number>();

  return {
    header(fields) {
      const indices = requiredColumns('monthly-counts', fields);
      width = fields.length;
      columns = indices;
    },
    row(fields, line) {
      if (!checkFieldCount(fields, width, line, ctx.problems)) return;
      const parsed = parseRowFields(fields, columns, Row, line, ctx.problems);
      if (!parsed) return;
      const { month, area_code: area, category, count } = parsed;
      const key = `${area}|${category}|${month}`;
      const earlier = firstSeen.get(key);
      if (earlier !== undefined) {
        ctx.problems.add(
          line,
          'category',
          category,
          `duplicate of line ${earlier} for ${area} ${month}`,
        );
        return;
      }
      firstSeen.set(key, line);
      months.add(month);
      counts.add(area, category, month, 1, count);
    },
    result(): ParsedFile {
      return {
        kind: 'counts',
        sourceKind: 'monthly-counts',
        counts,
        months,
        wholeMonths: false,
        categories: [],
        unmapped: {},
      };
    },
  };
}
