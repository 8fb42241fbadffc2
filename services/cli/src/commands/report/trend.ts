import { Command } from 'commander';
import { defaultReference, type ReferenceData } from '@crimestats/domain';
import {
  AreaCodeParamSchema,
  CategoryCodeParamSchema,
  MAX_TREND_POINTS,
  PeriodEndParamSchema,
  REPORT_FORMATS,
  WindowMonthsParamSchema,
  renderAreaTrend,
  trendComparators,
  trendRangeProblem,
} from '@crimestats/reporting';
import { loadCliConfig } from '../../config.ts';
import { UserError } from '../../user-error.ts';
import { flagValue, forceFlag, formatFrom, knownAreaFlag, knownCategoryFlag } from './flags.ts';
import { reportReaderFor, type TrendRequest } from './report-reader.ts';
import { CANNOT_ANSWER_EXIT } from './store.ts';

interface TrendFlags {
  area?: string;
  category?: string;
  from?: string;
  to?: string;
  months?: string;
  format?: string;
  force?: string;
}

/** The flags checked as the API checks `GET /v1/areas/{code}/trend`. */
export function trendRequestFrom(
  flags: TrendFlags,
  { areas, categories }: ReferenceData = defaultReference,
): TrendRequest {
  const code = flagValue(AreaCodeParamSchema, 'area', flags.area);
  const categoryCode = flagValue(CategoryCodeParamSchema, 'category', flags.category);
  const fromEnd = flagValue(PeriodEndParamSchema, 'from', flags.from);
  const toEnd = flagValue(PeriodEndParamSchema, 'to', flags.to);
  const months = flagValue(WindowMonthsParamSchema, 'months', flags.months);
  const problem = trendRangeProblem(fromEnd, toEnd);
  if (problem !== undefined) throw new UserError(`--${problem.field}: ${problem.message}`);
  const area = knownAreaFlag(areas, code);
  const category = knownCategoryFlag(categories, categoryCode);
  return {
    query: { areaCode: area.code, category: category.code, fromEnd, toEnd, months },
    subjects: { area, category, comparators: trendComparators(areas, area.code) },
  };
}

export function trendCommand(): Command {
  return new Command('trend')
    .description(
      "one area's rolling figures for a category, period end by period end, beside the County Council and Force areas",
    )
    .requiredOption('--area <code>', 'ONS area code, e.g. E07000039')
    .requiredOption('--category <code>', 'category code, e.g. total-recorded-crime')
    .requiredOption('--from <YYYY-MM>', 'the first period end, e.g. 2025-01')
    .requiredOption(
      '--to <YYYY-MM>',
      `the last period end, at most ${MAX_TREND_POINTS} after --from`,
    )
    .option('--months <n>', 'window length in months, 1 to 60 (default: 12)')
    .option('--format <format>', `${REPORT_FORMATS.join(', ')} (default: table)`)
    .option(
      '--force <code>',
      "the force whose areas' records are computed from (default: CRIMESTATS_FORCE); all: the area's own force",
    )
    .action(async (flags: TrendFlags) => {
      const format = formatFrom(flags);
      const reader = await reportReaderFor(loadCliConfig(), forceFlag(flags.force));
      const request = trendRequestFrom(flags, reader.reference);
      const answer = await reader.areaTrend(request);
      // Never an empty table: no figures means the data is not loaded, and the user must know.
      if (answer.lines.length === 0) {
        throw new UserError(answer.message ?? 'no figures for that range', CANNOT_ANSWER_EXIT);
      }
      process.stdout.write(renderAreaTrend(answer, format));
    });
}
