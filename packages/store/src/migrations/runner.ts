import type { ClickHouseClient } from '@clickhouse/client';
import { z } from 'zod';
import { epochSecondsColumn, toEpochSeconds, uint64Column } from '../columns.ts';
import { silentLogger, type StoreLogger } from '../logger.ts';
import { execute, insertRows, selectRows } from '../query.ts';
import { ident, qualified, sql, str } from '../sql.ts';
import { loadMigrations, renderStatement, type MigrationFile } from './files.ts';

/*
 * ClickHouse has no transactional DDL and no locks, so the runner cannot make "apply once" atomic.
 * Instead every migration must be idempotent (CREATE ... IF NOT EXISTS and the like): two runners
 * racing, or a runner that died between statements, simply apply it again. Each application adds a
 * row to schema_migrations; duplicates are harmless and folded together when read.
 */

export interface MigrationOptions {
  /** Where the `NNNN_name.sql` files are; the package's own `migrations/` by default. */
  migrationsDir?: string;
}

export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
  appliedAt: Date;
}

export interface ChangedMigration {
  version: number;
  fileName: string;
  appliedChecksum: string;
  fileChecksum: string;
}

export interface MigrationStatus {
  /** Recorded as applied and matching a file, in version order. */
  applied: AppliedMigration[];
  /** Files not yet applied, in the order they would run. */
  pending: MigrationFile[];
  /** Applied, but the file has been edited since: the runner refuses to go on. */
  changed: ChangedMigration[];
  /** Recorded as applied but with no file here: the database is ahead of this code. */
  unknown: AppliedMigration[];
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const migrationsTable = 'schema_migrations';

const AppliedRowSchema = z
  .object({
    version: uint64Column,
    name: z.string(),
    checksum: z.string(),
    applied_at_epoch: epochSecondsColumn,
  })
  .transform((row): AppliedMigration => ({
    version: row.version,
    name: row.name,
    checksum: row.checksum,
    appliedAt: row.applied_at_epoch,
  }));

const ExistsRowSchema = z.object({ found: uint64Column });

async function bookkeepingExists(client: ClickHouseClient, database: string): Promise<boolean> {
  const [row] = await selectRows(
    client,
    sql`SELECT count() AS found FROM system.tables
        WHERE database = ${str(database)} AND name = ${str(migrationsTable)}`,
    ExistsRowSchema,
  );
  return (row?.found ?? 0) > 0;
}

/** Every applied row, oldest first per version; duplicates from racing runners included. */
async function readAppliedRows(
  client: ClickHouseClient,
  database: string,
): Promise<AppliedMigration[]> {
  if (!(await bookkeepingExists(client, database))) return [];
  return selectRows(
    client,
    sql`SELECT version, name, checksum, toUnixTimestamp(applied_at) AS applied_at_epoch
        FROM ${qualified(database, migrationsTable)}
        ORDER BY version, applied_at_epoch`,
    AppliedRowSchema,
  );
}

function compare(files: MigrationFile[], rows: AppliedMigration[]): MigrationStatus {
  const filesByVersion = new Map(files.map((file) => [file.version, file]));
  const status: MigrationStatus = { applied: [], pending: [], changed: [], unknown: [] };
  const seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.version}:${row.checksum}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const file = filesByVersion.get(row.version);
    if (!file) {
      status.unknown.push(row);
    } else if (file.checksum !== row.checksum) {
      status.changed.push({
        version: row.version,
        fileName: file.fileName,
        appliedChecksum: row.checksum,
        fileChecksum: file.checksum,
      });
    } else {
      status.applied.push(row);
    }
  }
  const recorded = new Set(rows.map((row) => row.version));
  status.pending = files.filter((file) => !recorded.has(file.version));
  return status;
}

/** Which migrations are applied, pending, changed or unknown; changes nothing. */
export async function migrationStatus(
  client: ClickHouseClient,
  database: string,
  options: MigrationOptions = {},
): Promise<MigrationStatus> {
  ident(database); // refuse a bad name before touching anything
  const [files, rows] = await Promise.all([
    loadMigrations(options.migrationsDir),
    readAppliedRows(client, database),
  ]);
  return compare(files, rows);
}

function refuseUnsafe(status: MigrationStatus, database: string): void {
  if (status.changed.length > 0) {
    const details = status.changed
      .map(
        (c) =>
          `${c.fileName} (applied checksum ${c.appliedChecksum.slice(0, 12)}, file now ${c.fileChecksum.slice(0, 12)})`,
      )
      .join(', ');
    throw new MigrationError(
      `database ${database}: applied migration(s) changed since they ran: ${details}. ` +
        'Restore the original file(s) and put the change in a new migration.',
    );
  }
  if (status.unknown.length > 0) {
    const details = status.unknown.map((m) => `${m.version} (${m.name})`).join(', ');
    throw new MigrationError(
      `database ${database} has migration(s) ${details} applied that this code does not know; ` +
        'it was migrated by a newer version.',
    );
  }
}

/**
 * Brings `database` up to date: creates it and the bookkeeping table if needed, refuses to go on
 * if an applied migration's file changed or the database is ahead of the code, then applies the
 * pending migrations in order. Returns what it applied (empty when already up to date).
 */
export async function migrate(
  client: ClickHouseClient,
  database: string,
  log: StoreLogger = silentLogger,
  options: MigrationOptions = {},
): Promise<MigrationFile[]> {
  await execute(client, sql`CREATE DATABASE IF NOT EXISTS ${ident(database)}`);
  await execute(
    client,
    sql`CREATE TABLE IF NOT EXISTS ${qualified(database, migrationsTable)}
        (version UInt32, name String, checksum String, applied_at DateTime)
        ENGINE = MergeTree ORDER BY version`,
  );
  const status = await migrationStatus(client, database, options);
  refuseUnsafe(status, database);

  for (const migration of status.pending) {
    for (const statement of migration.statements) {
      // The text is this package's own migration file; the only value in it, the database name,
      // went in through ident().
      await client.command({ query: renderStatement(statement, database) });
    }
    await insertRows(client, qualified(database, migrationsTable), [
      {
        version: migration.version,
        name: migration.name,
        checksum: migration.checksum,
        applied_at: toEpochSeconds(new Date()),
      },
    ]);
    log.info(
      { database, version: migration.version, migration: migration.fileName },
      'applied migration',
    );
  }
  if (status.pending.length === 0) log.info({ database }, 'schema up to date');
  return status.pending;
}
