import { ensureLocalToken } from '@crimestats/auth';
import { runningServer } from '@crimestats/single-machine';
import {
  FiguresStoreError,
  withFiguresStore,
  type FiguresStoreOptions,
  type ReportStore,
} from '@crimestats/reporting';
import { MigrationError } from '@crimestats/store';
import type { CliConfig } from '../../config.ts';
import { cliLogger } from '../../logger.ts';
import { storeTarget } from '../../store-target.ts';
import { UserError } from '../../user-error.ts';

/** Exit status when the figures cannot be shown: not loaded yet, or the store is not ready. */
export const CANNOT_ANSWER_EXIT = 1;

/**
 * Where the figures are: the ClickHouse server in distributed mode, else the embedded engine in
 * CRIMESTATS_HOME, which this process owns and so may migrate.
 */
export function figuresStoreOptions(config: CliConfig): FiguresStoreOptions {
  const log = cliLogger(config);
  if (config.clickhouse) {
    return { target: storeTarget(config), database: config.database, migrate: false, log };
  }
  if (config.mode === 'distributed') {
    throw new UserError(
      'reports need CLICKHOUSE_URL when KAFKA_BROKERS is set: in distributed mode the figures are on a ClickHouse server',
    );
  }
  return { target: storeTarget(config), database: config.database, migrate: true, log };
}

/** Runs one report's reads; store problems the user can act on become one-line messages. */
export async function withReportStore<T>(
  options: FiguresStoreOptions,
  read: (store: ReportStore) => Promise<T>,
): Promise<T> {
  try {
    return await withFiguresStore(options, read);
  } catch (error) {
    if (error instanceof FiguresStoreError || error instanceof MigrationError) {
      throw new UserError(error.message, CANNOT_ANSWER_EXIT);
    }
    throw error;
  }
}

export interface RunningServer {
  url: string;
  token: string;
}

/**
 * The `crimestats up` running on this machine, if any: in single-machine mode it owns the
 * embedded engine's data folder, so reports ask its API instead of opening the folder.
 */
export async function runningReportServer(config: CliConfig): Promise<RunningServer | undefined> {
  if (config.mode !== 'single-machine') return undefined;
  const server = await runningServer(config.home);
  if (!server) return undefined;
  return { url: server.url, token: (await ensureLocalToken(config.home)).token };
}
