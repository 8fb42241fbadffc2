import { AreaCodeSchema, YearSchema } from '@crimestats/domain';
import type { PopulationRow } from '@crimestats/domain';
import { z } from 'zod';
import { checkFieldCount, parseRowFields, requiredColumns } from './field-checks.ts';
import { type FormatParser, type ParseContext, type ParsedFile } from './types.ts';

/** `area_code,year,population`: ONS mid-year totals; a rollup may carry its own. */
export function populationParser(ctx: ParseContext): FormatParser {
  const rows: PopulationRow[] = [];
  const firstSeen = new Map<string, number>();
  const Row = z.object({
    area_code: AreaCodeSchema.refine((code) => ctx.areas.byCode(code) !== undefined, {
      message: 'not a known area code',
    }),
    year: z
      .string()
      .regex(/^\d{4}$/, 'expected a four-digit year')
      .transform(Number)
      .pipe(YearSchema),
    population: z
      .string()
      .regex(/^\d+$/, 'expected a whole number of people')
      .transform(Number)
      .pipe(z.number().positive('a population must be above zero')),
  });
  let width = 0;
  let columns = new Map<string, number>();

  return {
    header(fields) {
      const indices = requiredColumns('population', fields);
      width = fields.length;
      columns = indices;
    },
    row(fields, line) {
      if (!checkFieldCount(fields, width, line, ctx.problems)) return;
      const parsed = parseRowFields(fields, columns, Row, line, ctx.problems);
      if (!parsed) return;
      const key = `${parsed.area_code}|${parsed.year}`;
      const earlier = firstSeen.get(key);
      if (earlier !== undefined) {
        ctx.problems.add(
          line,
          'area_code',
          parsed.area_code,
          `duplicate of line ${earlier} for ${parsed.year}`,
        );
        return;
      }
      firstSeen.set(key, line);
      rows.push({
        areaCode: parsed.area_code,
        year: parsed.year,
        population: parsed.population,
      });
    },
    result(): ParsedFile {
      return { kind: 'populations', rows };
    },
  };
}
