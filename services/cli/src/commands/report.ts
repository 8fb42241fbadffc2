import { join } from 'node:path';
import { Command } from 'commander';
import { defaultCategories } from '@crimestats/domain';
import {
  FiguresStoreError,
  REPORT_FORMATS,
  ReportFormatSchema,
  missingFiguresMessage,
  parseComparisonQuery,
  readComparison,
  renderComparison,
  withFiguresStore,
  type ComparisonQuery,
  type FiguresStoreOptions,
  type ReportFormat,
} from '@crimestats/reporting';
import { MigrationError, type Store } from '@crimestats/store';
import { ensureLocalToken } from '@crimestats/auth';
import { runningServer } from '@crimestats/pipeline';
import { loadCliConfig, type CliConfig } from '../config.ts';
import { comparisonFromServer } from '../up/remote-report.ts';
import { cliLogger } from '../logger.ts';
import { UserError } from '../user-error.ts';

/** Exit status when the figures cannot be shown: not loaded yet, or the store is not ready. */
const CANNOT_ANSWER_EXIT = 1;

interface CompareFlags {
  category?: string;
  period?: string;
  months?: string;
  format?: string;
}

/**
 * Where the figures are: the ClickHouse server in distributed mode, else the embedded engine in
 * CRIMESTATS_HOME, which this process owns and so may migrate.
 */
function figuresStoreOptions(config: CliConfig): FiguresStoreOptions {
  const log = cliLogger(config);
  if (config.clickhouse) {
    const { url, username, password } = config.clickhouse;
    return {
      target: { kind: 'server', url, username, password },
      database: config.database,
      migrate: false,
      log,
    };
  }
  if (config.mode === 'distributed') {
    throw new UserError(
      'reports need CLICKHOUSE_URL when KAFKA_BROKERS is set: in distributed mode the figures are on a ClickHouse server',
    );
  }
  const target = { kind: 'embedded', path: join(config.home, 'chdb') } as const;
  return { target, database: config.database, migrate: true, log };
}

/** Runs one report's reads; store problems the user can act on become one-line messages. */
async function withReportStore<T>(
  config: CliConfig,
  read: (store: Store) => Promise<T>,
): Promise<T> {
  try {
    return await withFiguresStore(figuresStoreOptions(config), read);
  } catch (error) {
    if (error instanceof FiguresStoreError || error instanceof MigrationError) {
      throw new UserError(error.message, CANNOT_ANSWER_EXIT);
    }
    throw error;
  }
}

function compareQueryFrom(flags: CompareFlags): ComparisonQuery {
  const parsed = parseComparisonQuery(flags, defaultCategories);
  if (!parsed.ok) throw new UserError(`--${parsed.field}: ${parsed.message}`);
  return parsed.query;
}

function formatFrom(flags: { format?: string }): ReportFormat {
  const parsed = ReportFormatSchema.safeParse(flags.format ?? 'table');
  if (!parsed.success) {
    throw new UserError(
      `--format: expected one of ${REPORT_FORMATS.join(', ')}, got "${flags.format}"`,
    );
  }
  return parsed.data;
}

function compareCommand(): Command {
  return new Command('compare')
    .description(
      'the CSP areas side by side for one category and period, ranked by rate, with the County Council and Force area rows',
    )
    .requiredOption('--category <code>', 'category code, e.g. total-recorded-crime')
    .requiredOption('--period <YYYY-MM>', "the period's last month, e.g. 2025-12")
    .option('--months <n>', 'window length in months, 1 to 60 (default: 12)')
    .option('--format <format>', `${REPORT_FORMATS.join(', ')} (default: table)`)
    .action(async (flags: CompareFlags) => {
      const query = compareQueryFrom(flags);
      const format = formatFrom(flags);
      const config = loadCliConfig();
      const server =
        config.mode === 'single-machine' ? await runningServer(config.home) : undefined;
      if (server) {
        const answer = await comparisonFromServer(
          server.url,
          (await ensureLocalToken(config.home)).token,
          query,
        );
        if (answer.rows.length === 0) {
          throw new UserError(answer.message ?? 'no figures for that period', CANNOT_ANSWER_EXIT);
        }
        process.stdout.write(renderComparison(answer, format));
        return;
      }
      const lookup = await withReportStore(config, (store) =>
        readComparison(store, query, { categories: defaultCategories }),
      );
      // Never an empty table: no figures means the data is not loaded, and the user must know.
      if (!lookup.found) {
        throw new UserError(
          missingFiguresMessage(query, lookup.periodsAvailable),
          CANNOT_ANSWER_EXIT,
        );
      }
      process.stdout.write(renderComparison(lookup.answer, format));
    });
}

/** `crimestats report <kind>`: reports read from the computed figures (compare; changes and trend to come). */
export function reportCommand(): Command {
  return new Command('report')
    .description('reports from the computed figures')
    .addCommand(compareCommand());
}
