import { writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import {
  PeriodEndParamSchema,
  WindowMonthsParamSchema,
  boardPackFilename,
  renderBoardPack,
} from '@crimestats/reporting';
import { cspCodesOf } from '@crimestats/stats';
import { loadCliConfig } from '../../config.ts';
import { UserError } from '../../user-error.ts';
import { flagValue, forceFlag } from './flags.ts';
import { knownForce, reportReaderFor } from './report-reader.ts';
import { CANNOT_ANSWER_EXIT } from './store.ts';

interface PackFlags {
  period?: string;
  months?: string;
  out?: string;
  force?: string;
}

export function packCommand(): Command {
  return new Command('pack')
    .description(
      "the Safer Communities Board's pack as an Excel workbook: each plan category's comparison, each CSP area's biggest increases, and notes",
    )
    .requiredOption('--period <YYYY-MM>', "the period's last month, e.g. 2025-12")
    .option('--months <n>', 'window length in months, 1 to 60 (default: 12)')
    .option('--force <code>', 'the force whose pack it is (default: CRIMESTATS_FORCE); not all')
    .option('--out <file>', 'the .xlsx file to write (default: board-pack-<period>-<n>m.xlsx)')
    .action(async (flags: PackFlags) => {
      const periodEnd = flagValue(PeriodEndParamSchema, 'period', flags.period);
      const months = flagValue(WindowMonthsParamSchema, 'months', flags.months);
      const query = { periodEnd, months };
      const out = flags.out ?? boardPackFilename(query);
      const config = loadCliConfig();
      const force = forceFlag(flags.force, { all: false });
      const reader = await reportReaderFor(config, force);
      const known = reader.reference.areas;
      const forceCode = force ?? config.forceCode;
      // A running server answers for its own force when none is named: checked here.
      knownForce(known, forceCode, force === undefined ? 'CRIMESTATS_FORCE' : '--force');
      const areas = cspCodesOf(known, forceCode).map((code) => known.get(code));
      const pack = await reader.boardPack(query, areas);
      // Never an empty pack: no figures means the data is not loaded, and the user must know.
      if (pack.message !== undefined) throw new UserError(pack.message, CANNOT_ANSWER_EXIT);
      const workbook = await renderBoardPack(pack);
      try {
        await writeFile(out, workbook);
      } catch (error) {
        throw new UserError(`--out: cannot write ${out}: ${(error as Error).message}`);
      }
      process.stdout.write(`${out}\n`);
    });
}
