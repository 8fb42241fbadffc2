import { afterAll, beforeAll } from 'vitest';
import { eventually, startRestartableServers, type RestartableServers } from '@crimestats/testkit';
import { backfillFiles, type BackfillFiles } from './backfill-files.ts';
import { groupCaughtUp, recordsPublished } from './backfill-progress.ts';
import {
  cleanRun,
  figuresEqual,
  openFaultDatabase,
  type ComparableFigures,
  type FaultDatabase,
} from './figures.ts';
import { Aggregators, crimestats, pipelineEnv, type CommandRun } from './services.ts';

/** What a backfill case starts from: its own servers, the files, and the clean run's figures. */
export interface BackfillCase {
  servers: RestartableServers;
  files: BackfillFiles;
  clean: ComparableFigures;
  /** Records the files make, so how far the ingest has got can be told. */
  total: number;
}

/**
 * Starts a case's servers and makes its clean run once, before its tests, and stops the servers
 * after them. Call inside `describe`; the getter is for the tests.
 */
export function backfillCase(rows: number): () => BackfillCase {
  let started: BackfillCase | undefined;
  let servers: RestartableServers | undefined;
  beforeAll(async () => {
    servers = await startRestartableServers();
    const files = await backfillFiles(rows);
    const { figures, records } = await cleanRun(servers.clickhouseUrl, files.folder);
    started = { servers, files, clean: figures, total: records };
  }, 600_000);
  afterAll(async () => {
    await servers?.stop();
  });
  return () => {
    if (started === undefined) throw new Error('the case did not start: see beforeAll');
    return started;
  };
}

/** A fresh database on the case's servers, with aggregators for it and probes of its progress. */
export interface BackfillPipeline {
  db: FaultDatabase;
  env: Record<string, string>;
  aggregators: Aggregators;
  /** Whether the aggregators' group has committed every record on the topic. */
  caughtUp: () => Promise<boolean>;
  /** How many records the ingest has published. */
  published: () => Promise<bigint>;
  /** Resolves once the ingest has published at least `records` records. */
  untilPublished: (records: bigint) => Promise<void>;
  /** `crimestats ingest` of the case's files, in its own process. */
  ingest: (folder: string) => IngestRun;
  /** Resolves once the aggregators have caught up and every figure equals the clean run's. */
  recovered: (clean: ComparableFigures) => Promise<void>;
  /** Kills the aggregator still running and closes the connection to the database. */
  close: () => Promise<void>;
}

/** A running ingest, and when it ended (performance.now()), once it has. */
export interface IngestRun extends CommandRun {
  endedAt: () => number | undefined;
}

export async function openBackfillPipeline(servers: RestartableServers): Promise<BackfillPipeline> {
  const db = await openFaultDatabase(servers.clickhouseUrl);
  const env = pipelineEnv(servers, db.database);
  const aggregators = new Aggregators(env);
  const caughtUp = groupCaughtUp(servers.brokers, env.AGGREGATOR_GROUP_ID!);
  const published = recordsPublished(servers.brokers);
  return {
    db,
    env,
    aggregators,
    caughtUp,
    published,
    untilPublished: async (records) => {
      await eventually(
        'the ingest to get there',
        async () => (await published()) >= records,
        600_000,
      );
    },
    ingest: (folder) => {
      const run = crimestats(env, 'ingest', folder);
      let endedAt: number | undefined;
      void run.done.then(() => (endedAt = performance.now()));
      return { ...run, endedAt: () => endedAt };
    },
    recovered: async (clean) => {
      await eventually(
        'the figures to equal the clean run',
        async () => (await caughtUp()) && (await figuresEqual(db.store, clean)),
        600_000,
      );
    },
    close: async () => {
      await aggregators.kill('SIGKILL');
      await db.close();
    },
  };
}
