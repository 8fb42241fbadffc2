import { Command } from 'commander';
import type { CategoryTaxonomy } from '@crimestats/domain';
import {
  REPORT_FORMATS,
  parseComparisonQuery,
  renderComparison,
  type ComparisonQuery,
} from '@crimestats/reporting';
import { loadCliConfig } from '../../config.ts';
import { UserError } from '../../user-error.ts';
import { forceFlag, formatFrom } from './flags.ts';
import { reportReaderFor } from './report-reader.ts';
import { CANNOT_ANSWER_EXIT } from './store.ts';

interface CompareFlags {
  category?: string;
  period?: string;
  months?: string;
  format?: string;
  force?: string;
}

function compareQueryFrom(flags: CompareFlags, categories: CategoryTaxonomy): ComparisonQuery {
  const parsed = parseComparisonQuery(flags, categories);
  if (!parsed.ok) throw new UserError(`--${parsed.field}: ${parsed.message}`);
  return parsed.query;
}

export function compareCommand(): Command {
  return new Command('compare')
    .description(
      'the CSP areas side by side for one category and period, ranked by rate, with the County Council and Force area rows',
    )
    .requiredOption('--category <code>', 'category code, e.g. total-recorded-crime')
    .requiredOption('--period <YYYY-MM>', "the period's last month, e.g. 2025-12")
    .option('--months <n>', 'window length in months, 1 to 60 (default: 12)')
    .option('--format <format>', `${REPORT_FORMATS.join(', ')} (default: table)`)
    .option(
      '--force <code>',
      "the force whose areas are compared (default: CRIMESTATS_FORCE); all: the national table, every loaded force's CSP areas ranked together, then each force's row",
    )
    .action(async (flags: CompareFlags) => {
      const format = formatFrom(flags);
      const reader = await reportReaderFor(loadCliConfig(), forceFlag(flags.force));
      // Against the reader's categories: those in code and any the force loaded.
      const query = compareQueryFrom(flags, reader.reference.categories);
      const answer = await reader.comparison(query);
      // Never an empty table: no figures means the data is not loaded, and the user must know.
      if (answer.rows.length === 0) {
        throw new UserError(answer.message ?? 'no figures for that period', CANNOT_ANSWER_EXIT);
      }
      process.stdout.write(renderComparison(answer, format));
    });
}
