import { clickhouseEngines, createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { appendFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { uint64Column } from '../columns.ts';
import type { StoreLogger } from '../logger.ts';
import { selectRows } from '../query.ts';
import { qualified, sql, str } from '../sql.ts';
import { defaultMigrationsDir } from './files.ts';
import { migrate, migrationStatus, MigrationError } from './runner.ts';

const TablesRowSchema = z.object({ name: z.string() });

async function tablesIn(db: TestDatabase, database = db.database): Promise<string[]> {
  const rows = await selectRows(
    db.client,
    sql`SELECT name FROM system.tables WHERE database = ${str(database)} ORDER BY name`,
    TablesRowSchema,
  );
  return rows.map((row) => row.name);
}

async function appliedRowCount(db: TestDatabase): Promise<number> {
  const [row] = await selectRows(
    db.client,
    sql`SELECT count() AS n FROM ${qualified(db.database, 'schema_migrations')}`,
    z.object({ n: uint64Column }),
  );
  return row?.n ?? 0;
}

function recordingLogger(): StoreLogger & { messages: string[] } {
  const messages: string[] = [];
  return {
    messages,
    info: (_details, message) => messages.push(`info ${message ?? ''}`),
    warn: (_details, message) => messages.push(`warn ${message ?? ''}`),
  };
}

describe.each(clickhouseEngines)('migrations (%s)', (engine) => {
  let db: TestDatabase;
  let scratchDir: string;

  beforeEach(async () => {
    db = await createTestDatabase(engine, inject('clickhouseUrl'));
    scratchDir = await mkdtemp(join(tmpdir(), 'store-migrate-'));
  });
  afterEach(async () => {
    await db.cleanup();
    await rm(scratchDir, { recursive: true, force: true });
  });

  it('applies every migration once, then does nothing on a second run', async () => {
    const log = recordingLogger();
    const first = await migrate(db.client, db.database, log);
    expect(first.map((m) => m.fileName)).toEqual([
      '0001_monthly_records.sql',
      '0002_figures.sql',
      '0003_loads.sql',
      '0004_populations.sql',
      '0005_subscriptions.sql',
      '0006_figure_events.sql',
      '0007_deliveries.sql',
      '0008_feeds.sql',
      '0010_reference_areas.sql',
      '0011_reference_categories.sql',
    ]);
    expect(await tablesIn(db)).toEqual([
      'delivery_attempts',
      'delivery_states',
      'feeds',
      'figure_events',
      'figures',
      'loads',
      'monthly_records',
      'populations',
      'reference_areas',
      'reference_categories',
      'schema_migrations',
      'subscriptions',
    ]);
    expect(log.messages).toEqual([...Array.from({ length: 10 }, () => 'info applied migration')]);

    const second = await migrate(db.client, db.database);
    expect(second).toEqual([]);
    expect(await appliedRowCount(db)).toBe(10);

    const status = await migrationStatus(db.client, db.database);
    expect(status.pending).toEqual([]);
    expect(status.changed).toEqual([]);
    expect(status.unknown).toEqual([]);
    expect(status.applied.map((m) => [m.version, m.name])).toEqual([
      [1, 'monthly_records'],
      [2, 'figures'],
      [3, 'loads'],
      [4, 'populations'],
      [5, 'subscriptions'],
      [6, 'figure_events'],
      [7, 'deliveries'],
      [8, 'feeds'],
      [10, 'reference_areas'],
      [11, 'reference_categories'],
    ]);
    for (const applied of status.applied) {
      expect(Math.abs(applied.appliedAt.getTime() - Date.now())).toBeLessThan(60_000);
    }
  });

  it('creates the database when it does not exist, and reports all pending before', async () => {
    const database = `${db.database}_new`;
    try {
      const before = await migrationStatus(db.client, database);
      expect(before.applied).toEqual([]);
      expect(before.pending.map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10, 11]);
      await migrate(db.client, database);
      expect(await tablesIn(db, database)).toContain('figures');
    } finally {
      await db.client.command({ query: `DROP DATABASE IF EXISTS \`${database}\`` });
    }
  });

  it('survives two runners at once, and reads their duplicate rows as one', async () => {
    await Promise.all([migrate(db.client, db.database), migrate(db.client, db.database)]);
    const status = await migrationStatus(db.client, db.database);
    expect(status.applied.map((m) => m.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10, 11]);
    expect(status.pending).toEqual([]);
    expect(await migrate(db.client, db.database)).toEqual([]);
  });

  it('applies only the new migration when one is added', async () => {
    await cp(defaultMigrationsDir, scratchDir, { recursive: true });
    await migrate(db.client, db.database, undefined, { migrationsDir: scratchDir });
    await writeFile(
      join(scratchDir, '0009_extra.sql'),
      'CREATE TABLE IF NOT EXISTS {{database}}.extra (x UInt8)\nENGINE = MergeTree ORDER BY x;\n',
    );
    const applied = await migrate(db.client, db.database, undefined, { migrationsDir: scratchDir });
    expect(applied.map((m) => m.fileName)).toEqual(['0009_extra.sql']);
    expect(await tablesIn(db)).toContain('extra');
  });

  it('refuses to run when an applied migration file has changed', async () => {
    await cp(defaultMigrationsDir, scratchDir, { recursive: true });
    await migrate(db.client, db.database, undefined, { migrationsDir: scratchDir });
    await appendFile(join(scratchDir, '0002_figures.sql'), '\n-- an innocent-looking edit\n');
    await writeFile(
      join(scratchDir, '0009_extra.sql'),
      'CREATE TABLE IF NOT EXISTS {{database}}.extra (x UInt8)\nENGINE = MergeTree ORDER BY x;\n',
    );

    const run = migrate(db.client, db.database, undefined, { migrationsDir: scratchDir });
    await expect(run).rejects.toThrow(MigrationError);
    await expect(run).rejects.toThrow(/changed since they ran: 0002_figures\.sql/);
    // Nothing pending ran.
    expect(await tablesIn(db)).not.toContain('extra');

    const status = await migrationStatus(db.client, db.database, { migrationsDir: scratchDir });
    expect(status.changed.map((c) => c.fileName)).toEqual(['0002_figures.sql']);
    expect(status.pending.map((m) => m.fileName)).toEqual(['0009_extra.sql']);
  });

  it('refuses to run when the database is ahead of the code', async () => {
    await cp(defaultMigrationsDir, scratchDir, { recursive: true });
    await writeFile(join(scratchDir, '0009_extra.sql'), 'SELECT 1;\n');
    await migrate(db.client, db.database, undefined, { migrationsDir: scratchDir });
    await expect(migrate(db.client, db.database)).rejects.toThrow(
      /migration\(s\) 9 \(extra\) applied that this code does not know/,
    );
  });

  it('refuses a database name that is not a plain identifier', async () => {
    await expect(migrate(db.client, 'x`; DROP DATABASE default; --')).rejects.toThrow(RangeError);
  });
});
