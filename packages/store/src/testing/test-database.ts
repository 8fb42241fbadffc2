import type { ClickHouseClient } from '@clickhouse/client';
import { uniqueName } from '@crimestats/testkit';
import { openClickHouse } from '../client.ts';

export interface TestDatabase {
  /** A client whose default database is this test's own. */
  client: ClickHouseClient;
  database: string;
  engine: 'server' | 'chdb';
  /** Drops the database and closes the client. */
  cleanup(): Promise<void>;
}

async function withFreshDatabase(
  admin: ClickHouseClient,
  open: (database: string) => ClickHouseClient,
  engine: TestDatabase['engine'],
): Promise<TestDatabase> {
  const database = uniqueName('db');
  // The name is generated here from [a-z0-9_], so it is safe in SQL text.
  await admin.command({ query: `CREATE DATABASE ${database}` });
  const client = open(database);
  return {
    client,
    database,
    engine,
    cleanup: async () => {
      await admin.command({ query: `DROP DATABASE IF EXISTS ${database}` });
      await client.close();
      if (admin !== client) await admin.close();
    },
  };
}

/** A fresh database on the run's ClickHouse server. */
export async function createServerTestDatabase(url: string): Promise<TestDatabase> {
  const target = { kind: 'server', url } as const;
  return withFreshDatabase(
    openClickHouse(target),
    (database) => openClickHouse(target, database),
    'server',
  );
}

/**
 * A fresh database on the embedded engine. chDB binds one data directory per process, so every
 * test in a worker shares the in-memory engine and is kept apart by its own database.
 */
export async function createChdbTestDatabase(): Promise<TestDatabase> {
  const target = { kind: 'embedded', path: ':memory:' } as const;
  return withFreshDatabase(
    openClickHouse(target),
    (database) => openClickHouse(target, database),
    'chdb',
  );
}

/** Both real engines the store code must work on, for `describe.each`. */
export const clickhouseEngines = ['server', 'chdb'] as const;

export function createTestDatabase(
  engine: TestDatabase['engine'],
  url: string,
): Promise<TestDatabase> {
  return engine === 'server' ? createServerTestDatabase(url) : createChdbTestDatabase();
}
