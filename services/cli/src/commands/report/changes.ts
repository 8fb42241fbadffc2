import { Command } from 'commander';
import { defaultAreas, type AreaRegistry } from '@crimestats/domain';
import {
  AreaCodeParamSchema,
  PeriodEndParamSchema,
  REPORT_FORMATS,
  WindowMonthsParamSchema,
  renderAreaChanges,
} from '@crimestats/reporting';
import { loadCliConfig } from '../../config.ts';
import { UserError } from '../../user-error.ts';
import { flagValue, forceFlag, formatFrom, knownAreaFlag } from './flags.ts';
import { reportReaderFor, type ChangesRequest } from './report-reader.ts';
import { CANNOT_ANSWER_EXIT } from './store.ts';

interface ChangesFlags {
  area?: string;
  period?: string;
  months?: string;
  format?: string;
  force?: string;
}

/** The flags checked as the API checks `GET /v1/areas/{code}/changes`. */
export function changesRequestFrom(
  flags: ChangesFlags,
  areas: AreaRegistry = defaultAreas,
): ChangesRequest {
  const code = flagValue(AreaCodeParamSchema, 'area', flags.area);
  const periodEnd = flagValue(PeriodEndParamSchema, 'period', flags.period);
  const months = flagValue(WindowMonthsParamSchema, 'months', flags.months);
  const area = knownAreaFlag(areas, code);
  return { query: { areaCode: area.code, periodEnd, months }, area };
}

export function changesCommand(): Command {
  return new Command('changes')
    .description(
      "one area's categories for a period, largest % increase first, significance marked",
    )
    .requiredOption('--area <code>', 'ONS area code, e.g. E07000039')
    .requiredOption('--period <YYYY-MM>', "the period's last month, e.g. 2025-12")
    .option('--months <n>', 'window length in months, 1 to 60 (default: 12)')
    .option('--format <format>', `${REPORT_FORMATS.join(', ')} (default: table)`)
    .option(
      '--force <code>',
      "the force whose areas' records are computed from (default: CRIMESTATS_FORCE); all: the area's own force",
    )
    .action(async (flags: ChangesFlags) => {
      const format = formatFrom(flags);
      const reader = await reportReaderFor(loadCliConfig(), forceFlag(flags.force));
      const request = changesRequestFrom(flags, reader.reference.areas);
      const answer = await reader.areaChanges(request);
      // Never an empty table: no figures means the data is not loaded, and the user must know.
      if (answer.rows.length === 0) {
        throw new UserError(
          answer.message ?? 'no figures for that area and period',
          CANNOT_ANSWER_EXIT,
        );
      }
      process.stdout.write(renderAreaChanges(answer, format));
    });
}
