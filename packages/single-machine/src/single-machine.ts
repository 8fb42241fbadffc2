import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { RecordProcessor } from '@crimestats/aggregator';
import { defaultReference, type ReferenceData } from '@crimestats/domain';
import type { IngestSink } from '@crimestats/ingest';
import { createStore, migrate, openClickHouse, type Store } from '@crimestats/store';
import type { ClickHouseClient } from '@clickhouse/client';
import type { Logger } from 'pino';
import { FiguresUpdatesBus } from './in-process-bus.ts';
import { inProcessIngestSink } from './in-process-sink.ts';

export interface SingleMachineOptions {
  /** CRIMESTATS_HOME: the embedded engine keeps its data in `<home>/chdb`. */
  home: string;
  database: string;
  forceCode: string;
  windows?: number[];
  reference?: ReferenceData;
  logger: Logger;
}

export interface SingleMachine {
  client: ClickHouseClient;
  database: string;
  store: Store;
  processor: RecordProcessor;
  ingestSink: IngestSink;
  updates: FiguresUpdatesBus;
  close(): Promise<void>;
}

/** The embedded engine's data folder under a CRIMESTATS_HOME. */
export const embeddedDataPath = (home: string): string => join(home, 'chdb');

/**
 * The whole pipeline in this process: the same ingestion, aggregation and store code as the
 * distributed mode, with an in-process bus for Kafka and the embedded engine for ClickHouse.
 */
export async function openSingleMachine(opts: SingleMachineOptions): Promise<SingleMachine> {
  const path = embeddedDataPath(opts.home);
  await mkdir(path, { recursive: true });
  const client = openClickHouse({ kind: 'embedded', path });
  await migrate(client, opts.database, opts.logger);
  const store = createStore(client, opts.database);
  const updates = new FiguresUpdatesBus();
  const reference = opts.reference ?? defaultReference;
  const processor = new RecordProcessor({
    store,
    reference: { ...reference, forceCode: opts.forceCode },
    windows: opts.windows ?? [12],
    updates,
    logger: opts.logger,
  });
  return {
    client,
    database: opts.database,
    store,
    processor,
    ingestSink: inProcessIngestSink(processor),
    updates,
    close: () => client.close(),
  };
}
