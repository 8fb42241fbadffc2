import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { RecordProcessor } from '@crimestats/aggregator';
import type { ReferenceData } from '@crimestats/domain';
import type { IngestSink } from '@crimestats/ingest';
import {
  namesFrom,
  Notifier,
  type CoalesceTiming,
  type DeliveryQueue,
  type EventLinks,
} from '@crimestats/notifier';
import {
  ReferenceSource,
  createStore,
  migrate,
  openClickHouse,
  type Store,
} from '@crimestats/store';
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
  /**
   * The store's (the reference in code with the loaded reference areas and categories, read again
   * by `reloadReference`) unless given.
   */
  reference?: ReferenceData;
  logger: Logger;
  /**
   * Where figures events link to (read when each event is made, so a server can set its address
   * once it listens), and how notices are coalesced.
   */
  events?: { links: EventLinks; timing?: CoalesceTiming };
}

export interface SingleMachine {
  client: ClickHouseClient;
  database: string;
  store: Store;
  /**
   * What the pipeline computes with: areas and categories loaded with `reference load` included,
   * the ones current after the last `reloadReference()` (fixed when `reference` was given).
   */
  reference: ReferenceData;
  /** Reads the store's reference again after a load made in this process; true if it changed. */
  reloadReference(): Promise<boolean>;
  processor: RecordProcessor;
  ingestSink: IngestSink;
  updates: FiguresUpdatesBus;
  /**
   * Turns the figures notices into stored events and pending deliveries, whoever runs the
   * pipeline: a one-shot `crimestats ingest` leaves them for `up` to deliver.
   */
  notifier: Notifier;
  /** Hands new deliveries to a dispatcher from now on (`up`); until then they wait in the store. */
  deliverTo(queue: DeliveryQueue): void;
  /** Stores buffered notices as events, then closes the engine. */
  close(): Promise<void>;
}

/** In-process notices come from one bus: one partition, numbered as they come. */
const IN_PROCESS_SOURCE = 'in-process';

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
  const { reference, reloadReference } = await referenceOf(store, opts.reference);
  const processor = new RecordProcessor({
    store,
    reference: { ...reference, forceCode: opts.forceCode },
    windows: opts.windows ?? [12],
    updates,
    logger: opts.logger,
  });
  let queue: DeliveryQueue = { enqueue: () => {} };
  const notifier = new Notifier({
    store,
    names: namesFrom(reference.areas, reference.categories),
    links: opts.events?.links ?? { publicUrl: 'http://127.0.0.1:8080' },
    queue: { enqueue: (deliveries) => queue.enqueue(deliveries) },
    source: IN_PROCESS_SOURCE,
    ...(opts.events?.timing === undefined ? {} : { timing: opts.events.timing }),
    logger: opts.logger.child({ component: 'notifier' }),
  });
  let sequence = 0;
  updates.subscribe((notices) => notifier.accept(0, sequence++, notices));
  return {
    client,
    database: opts.database,
    store,
    reference,
    reloadReference,
    processor,
    // A file's notices are all in once its figures are stored: one event per area and load, at
    // once, rather than after a quiet spell.
    ingestSink: inProcessIngestSink(
      processor,
      () => notifier.flushAll(),
      (areaCodes) => recomputeOtherForces(processor, reference, opts.forceCode, areaCodes),
      path,
    ),
    updates,
    notifier,
    deliverTo: (next) => {
      queue = next;
    },
    close: async () => {
      try {
        await notifier.flushAll();
      } finally {
        await client.close();
      }
    },
  };
}

/** The given reference, fixed; else the store's, live, read again by `reloadReference`. */
async function referenceOf(
  store: Store,
  given: ReferenceData | undefined,
): Promise<{ reference: ReferenceData; reloadReference(): Promise<boolean> }> {
  if (given !== undefined) return { reference: given, reloadReference: async () => false };
  const source = await ReferenceSource.open(store);
  return { reference: source.live, reloadReference: () => source.reload() };
}

/**
 * Recomputes every figure of the forces other than `forceCode` that hold one of `areaCodes`, so
 * a loaded force's files and populations give its figures with no change of CRIMESTATS_FORCE.
 * All its periods: a force other than the deployment's is expected to be small and occasional.
 */
async function recomputeOtherForces(
  processor: RecordProcessor,
  reference: ReferenceData,
  forceCode: string,
  areaCodes: ReadonlySet<string>,
): Promise<void> {
  const others = reference.areas
    .forces()
    .filter((force) => force.code !== forceCode)
    .filter((force) => {
      const members = reference.areas.cspMembersOf(force.code).map((area) => area.code);
      const rollups = reference.areas.rollupsWithin(force.code).map((area) => area.code);
      return [force.code, ...rollups, ...members].some((code) => areaCodes.has(code));
    })
    .map((force) => force.code);
  if (others.length > 0) await processor.recomputeAll({ forceCodes: others });
}
