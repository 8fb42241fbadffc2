import { isDeepStrictEqual } from 'node:util';
import type { ClickHouseClient } from '@clickhouse/client';
import pino from 'pino';
import { RecordProcessor } from '@crimestats/aggregator';
import type { MonthlyRecord, PopulationRecord } from '@crimestats/contracts';
import { defaultReference } from '@crimestats/domain';
import { expandInputs, ingestSources } from '@crimestats/ingest';
import { createStore, migrate, openClickHouse, type Store } from '@crimestats/store';
import { uniqueName } from '@crimestats/testkit';
import { comparable } from '../../packages/aggregator/src/testing/comparable.ts';

/** Derbyshire, the force the generated files and the services' default reference are for. */
export const reference = { ...defaultReference, forceCode: 'E23000018' };
const logger = pino({ level: 'silent' });

export type ComparableFigures = ReturnType<typeof comparable>;

/** Every figure a store holds, without when it was computed: what two runs must agree on. */
export async function everyFigure(store: Store): Promise<ComparableFigures> {
  return comparable(
    await store.figures.readRange({
      categories: defaultReference.categories.all().map((c) => c.code),
      months: 12,
      fromEnd: '2000-01',
      toEnd: '2100-12',
    }),
  );
}

/** A database of its own on a server, opened for reading figures and dropped at the end. */
export interface FaultDatabase {
  database: string;
  client: ClickHouseClient;
  store: Store;
  close(): Promise<void>;
}

/** A new database of its own on the server (created here, so a test may migrate it first). */
export async function openFaultDatabase(
  clickhouseUrl: string,
  database = uniqueName('faults'),
): Promise<FaultDatabase> {
  const admin = openClickHouse({ kind: 'server', url: clickhouseUrl });
  try {
    // The name is generated from [a-z0-9_], so it is safe in SQL text.
    await admin.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` });
  } finally {
    await admin.close();
  }
  const client = openClickHouse({ kind: 'server', url: clickhouseUrl }, database);
  return { database, client, store: createStore(client, database), close: () => client.close() };
}

/**
 * The clean run: the same files read by the ingest's own code into memory and computed in this
 * process by the aggregator's RecordProcessor in one go, with no fault anywhere.
 */
export async function cleanRun(
  clickhouseUrl: string,
  folder: string,
): Promise<{ figures: ComparableFigures; records: number }> {
  const records: MonthlyRecord[] = [];
  const populations: PopulationRecord[] = [];
  const report = await ingestSources(await expandInputs([folder]), {
    areas: reference.areas,
    categories: reference.categories,
    force: reference.areas.byCode(reference.forceCode)!,
    sink: {
      publishRecords: async (batch) => void records.push(...batch),
      publishPopulations: async (batch) => void populations.push(...batch),
    },
  });
  if (!report.ok)
    throw new Error(`the clean run's ingest refused a file: ${JSON.stringify(report)}`);
  const db = await openFaultDatabase(clickhouseUrl, uniqueName('clean'));
  try {
    await migrate(db.client, db.database);
    const processor = new RecordProcessor({
      store: db.store,
      reference,
      windows: [12],
      updates: { publish: async () => {} },
      logger,
    });
    await processor.processRecords(records);
    if (populations.length > 0) await processor.processPopulations(populations);
    return { figures: await everyFigure(db.store), records: records.length };
  } finally {
    await db.close();
  }
}

/** Whether a store's figures are now exactly the clean run's; false while any is missing or differs. */
export async function figuresEqual(store: Store, clean: ComparableFigures): Promise<boolean> {
  const now = await everyFigure(store);
  return isDeepStrictEqual(now, clean);
}
