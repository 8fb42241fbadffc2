import {
  AreaFiguresRepository,
  createStore,
  migrate,
  migrationStatus,
  openClickHouse,
  type ClickHouseTarget,
  type Store,
  type StoreLogger,
} from '@crimestats/store';

type ClickHouseClient = ReturnType<typeof openClickHouse>;

export interface FiguresStoreOptions {
  target: ClickHouseTarget;
  database: string;
  /**
   * Bring the schema up to date before reading. Right for the embedded engine, whose database
   * this process owns; a shared server is migrated by whoever deploys it, never by a report.
   */
  migrate: boolean;
  log?: StoreLogger;
}

/** The store's repositories, with the per-area reads the changes and trend reports use. */
export type ReportStore = Store & { areaFigures: AreaFiguresRepository };

/** The figures cannot be read: the schema is not there yet, or the database did not answer. */
export class FiguresStoreError extends Error {
  override name = 'FiguresStoreError';

  constructor(
    readonly reason: 'not-migrated' | 'unavailable',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * Runs `read` against the store at `target`, closing the connection afterwards. Without
 * `migrate`, the schema is checked first, so a database nobody has set up yet is reported as
 * such rather than as a ClickHouse error about a missing table.
 */
export async function withFiguresStore<T>(
  options: FiguresStoreOptions,
  read: (store: ReportStore) => Promise<T>,
): Promise<T> {
  // No default database on the connection: a missing one would fail every query, even the
  // check that explains it. The store names its tables in full.
  const client = openClickHouse(options.target);
  try {
    if (options.migrate) await migrate(client, options.database, options.log);
    else await assertMigrated(client, options);
    return await read(reportStore(client, options.database));
  } finally {
    await client.close();
  }
}

async function assertMigrated(
  client: ClickHouseClient,
  options: FiguresStoreOptions,
): Promise<void> {
  const where = `database "${options.database}" on ${describeTarget(options.target)}`;
  const status = await migrationStatus(client, options.database).catch((error: unknown) => {
    throw new FiguresStoreError('unavailable', `cannot read the ${where}: ${messageOf(error)}`, {
      cause: error,
    });
  });
  // Strict on purpose: a schema behind this code may lack a column the figures are read with.
  if (status.pending.length > 0) {
    throw new FiguresStoreError(
      'not-migrated',
      `the ${where} is not set up (${status.pending.length} of its migrations not applied): ` +
        'apply the store migrations, then load data with `crimestats ingest`',
    );
  }
}

/** Where the store is, for messages: never with the credentials a URL may carry. */
export function describeTarget(target: ClickHouseTarget): string {
  if (target.kind === 'embedded') return `the embedded engine at ${target.path}`;
  try {
    const url = new URL(target.url);
    url.username = '';
    url.password = '';
    return `ClickHouse at ${url.origin}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return 'ClickHouse (unreadable URL)';
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The repositories every report reads, over one client and (migrated) database. */
export function reportStore(client: ClickHouseClient, database: string): ReportStore {
  return {
    ...createStore(client, database),
    areaFigures: new AreaFiguresRepository(client, database),
  };
}
