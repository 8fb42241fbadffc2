import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startRestartableServers, type RestartableServers } from '@crimestats/testkit';
import { backfillFiles, type BackfillFiles } from './backfill-files.ts';
import { groupCaughtUp, recordsPublished } from './backfill-progress.ts';
import { loadFaultsConfig } from './faults-config.ts';
import { cleanRun, figuresEqual, openFaultDatabase, type ComparableFigures } from './figures.ts';
import { recordRecovery } from './record-recovery.ts';
import { Aggregators, crimestats, pipelineEnv } from './services.ts';

const config = loadFaultsConfig();

describe('the Kafka broker restarted in the middle of an ingest', () => {
  let servers: RestartableServers;
  let files: BackfillFiles;
  let clean: ComparableFigures;
  let total: number;

  beforeAll(async () => {
    servers = await startRestartableServers();
    files = await backfillFiles(config.FAULTS_ROWS);
    ({ figures: clean, records: total } = await cleanRun(servers.clickhouseUrl, files.folder));
  }, 600_000);
  afterAll(async () => {
    await servers?.stop();
  });

  it('ends with every figure identical to a clean run, no command or service restarted', async () => {
    console.log(`[faults] broker-restart: seed ${config.FAULTS_SEED} (FAULTS_SEED to repeat)`);
    const db = await openFaultDatabase(servers.clickhouseUrl);
    const env = pipelineEnv(servers, db.database);
    const aggregators = new Aggregators(env);
    const caughtUp = groupCaughtUp(servers.brokers, env.AGGREGATOR_GROUP_ID!);
    const published = recordsPublished(servers.brokers);
    try {
      const aggregator = await aggregators.start();
      let exited = false;
      aggregator.child.once('exit', () => (exited = true));
      const ingest = crimestats(env, 'ingest', files.folder);
      let ingestRunning = true;
      void ingest.done.then(() => (ingestRunning = false));

      // A quarter of the backfill is on the broker: the ingest is well under way.
      await eventually(
        'the ingest to publish',
        async () => (await published()) >= BigInt(Math.ceil(total / 4)),
        600_000,
      );
      const landedMidIngest = ingestRunning;
      const before = await published();
      await servers.restartKafka();
      const back = performance.now();

      const { code, output } = await ingest.done;
      expect(code, output).toBe(0);
      await eventually(
        'the figures to equal the clean run',
        async () => (await caughtUp()) && (await figuresEqual(db.store, clean)),
        600_000,
      );
      const recoveryMs = performance.now() - back;
      expect(exited).toBe(false);
      recordRecovery({
        name: 'Kafka broker restart',
        recoveryMs,
        seed: config.FAULTS_SEED,
        detail: `${files.rows.toLocaleString('en-GB')} rows, ${clean.length} figures; restarted mid-ingest: ${landedMidIngest} (${before} of ${total} records published)`,
      });
    } finally {
      await aggregators.kill('SIGKILL');
      await db.close();
    }
  }, 1_800_000);
});
