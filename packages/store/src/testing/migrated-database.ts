import { createTestDatabase, type TestDatabase } from './test-database.ts';
import { migrate } from '../migrations/runner.ts';
import { execute } from '../query.ts';
import { qualified, sql } from '../sql.ts';

/** Runs `body` against a fresh, migrated database on `engine`, dropping it afterwards. */
export async function withMigratedDatabase(
  engine: TestDatabase['engine'],
  body: (db: TestDatabase) => Promise<void>,
): Promise<void> {
  // Imported here, not at the top: importing vitest outside a test run throws, and the benches
  // import this package's other helpers.
  const { inject } = await import('vitest');
  const db = await createTestDatabase(engine, inject('clickhouseUrl'));
  try {
    await migrate(db.client, db.database);
    await body(db);
  } finally {
    await db.cleanup();
  }
}

/** Stops background merges on one table, so a test sees unmerged parts as a busy server would. */
export async function stopMerges(db: TestDatabase, table: string): Promise<void> {
  await execute(db.client, sql`SYSTEM STOP MERGES ${qualified(db.database, table)}`);
}
