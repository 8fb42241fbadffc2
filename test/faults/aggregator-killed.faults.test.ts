import { describe, expect, it } from 'vitest';
import { seededRandom } from '@crimestats/testkit';
import { backfillCase, openBackfillPipeline } from './backfill-case.ts';
import { loadFaultsConfig } from './faults-config.ts';
import { figuresEqual } from './figures.ts';
import { recordRecovery } from './record-recovery.ts';

const config = loadFaultsConfig();

describe(`aggregator SIGKILLed ${config.FAULTS_AGGREGATOR_KILLS} times during a backfill`, () => {
  const backfill = backfillCase(config.FAULTS_ROWS);

  it('ends with every figure identical to a clean run', async () => {
    console.log(`[faults] aggregator-killed: seed ${config.FAULTS_SEED} (FAULTS_SEED to repeat)`);
    const random = seededRandom(config.FAULTS_SEED);
    const { servers, files, clean, total } = backfill();
    const pipeline = await openBackfillPipeline(servers);
    const { db, aggregators, caughtUp } = pipeline;
    try {
      await aggregators.start();
      const ingest = pipeline.ingest(files.folder);
      // The kills fall at random points of the backfill, measured in records the ingest has
      // published: the instance killed has records in hand or on the way.
      const points = Array.from({ length: config.FAULTS_AGGREGATOR_KILLS }, () =>
        BigInt(Math.ceil(random() * total)),
      ).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const landed: string[] = [];
      let restarted = performance.now();
      for (const point of points) {
        await pipeline.untilPublished(point);
        const workLeft = ingest.endedAt() === undefined || !(await caughtUp());
        await aggregators.kill('SIGKILL');
        landed.push(`at record ${point}, work left: ${workLeft}`);
        await aggregators.start();
        restarted = performance.now();
      }
      const { code, output } = await ingest.done;
      expect(code, output).toBe(0);

      const from = Math.max(restarted, ingest.endedAt() ?? 0);
      await pipeline.recovered(clean);
      const recoveryMs = performance.now() - from;
      expect(await figuresEqual(db.store, clean)).toBe(true);
      recordRecovery({
        name: 'aggregator SIGKILL ×' + config.FAULTS_AGGREGATOR_KILLS,
        recoveryMs,
        seed: config.FAULTS_SEED,
        detail: `${files.rows.toLocaleString('en-GB')} rows, ${clean.length} figures; kills: ${landed.join('; ')}`,
      });
    } finally {
      await pipeline.close();
    }
  }, 1_800_000);
});
