import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  seededRandom,
  startRestartableServers,
  type RestartableServers,
} from '@crimestats/testkit';
import { backfillFiles, type BackfillFiles } from './backfill-files.ts';
import { groupCaughtUp } from './backfill-progress.ts';
import { loadFaultsConfig } from './faults-config.ts';
import {
  cleanFigures,
  figuresEqual,
  openFaultDatabase,
  type ComparableFigures,
} from './figures.ts';
import { recordRecovery } from './record-recovery.ts';
import { Aggregators, crimestats, pipelineEnv } from './services.ts';

const config = loadFaultsConfig();

describe(`aggregator SIGKILLed ${config.FAULTS_AGGREGATOR_KILLS} times during a backfill`, () => {
  let servers: RestartableServers;
  let files: BackfillFiles;
  let clean: ComparableFigures;

  beforeAll(async () => {
    servers = await startRestartableServers();
    files = await backfillFiles(config.FAULTS_ROWS, config.FAULTS_SEED);
    clean = await cleanFigures(servers.clickhouseUrl, files.folder);
  }, 600_000);
  afterAll(async () => {
    await servers?.stop();
  });

  it('ends with every figure identical to a clean run', async () => {
    console.log(`[faults] aggregator-killed: seed ${config.FAULTS_SEED} (FAULTS_SEED to repeat)`);
    const random = seededRandom(config.FAULTS_SEED);
    const db = await openFaultDatabase(servers.clickhouseUrl);
    const env = pipelineEnv(servers, db.database);
    const aggregators = new Aggregators(env);
    const caughtUp = groupCaughtUp(servers.brokers, env.AGGREGATOR_GROUP_ID!);
    try {
      await aggregators.start();
      const ingest = crimestats(env, 'ingest', files.folder);
      let ingestEnded: number | undefined;
      void ingest.done.then(() => (ingestEnded = performance.now()));
      const idle = async () => {
        await ingest.done;
        await eventually('the group to catch up', caughtUp, 600_000);
      };

      const landed: string[] = [];
      let restarted = performance.now();
      for (let kill = 0; kill < config.FAULTS_AGGREGATOR_KILLS; kill++) {
        // The kill falls a random time after the instance is seen storing a batch of the
        // backfill, so it lands inside a later batch, between batches, or in a commit.
        const pause = Math.floor(random() * 1_500);
        const busy = await Promise.race([
          aggregators.current!.seen('batch stored').then(() => true),
          idle().then(() => false),
        ]);
        await delay(pause);
        const workLeft = ingestEnded === undefined || !(await caughtUp());
        await aggregators.kill('SIGKILL');
        landed.push(`${busy ? '' : 'idle, '}${pause} ms after a batch, work left: ${workLeft}`);
        await aggregators.start();
        restarted = performance.now();
      }
      const { code, output } = await ingest.done;
      expect(code, output).toBe(0);

      const from = Math.max(restarted, ingestEnded ?? 0);
      await eventually(
        'the figures to equal the clean run',
        async () => (await caughtUp()) && (await figuresEqual(db.store, clean)),
        600_000,
      );
      const recoveryMs = performance.now() - from;
      expect(await figuresEqual(db.store, clean)).toBe(true);
      recordRecovery({
        name: 'aggregator SIGKILL ×' + config.FAULTS_AGGREGATOR_KILLS,
        recoveryMs,
        seed: config.FAULTS_SEED,
        detail: `${files.rows.toLocaleString('en-GB')} rows, ${clean.length} figures; kills: ${landed.join('; ')}`,
      });
    } finally {
      await aggregators.kill('SIGKILL');
      await db.close();
    }
  }, 1_800_000);
});
