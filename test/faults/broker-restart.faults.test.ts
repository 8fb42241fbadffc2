import { describe, expect, it } from 'vitest';
import { backfillCase, openBackfillPipeline } from './backfill-case.ts';
import { loadFaultsConfig } from './faults-config.ts';
import { recordRecovery } from './record-recovery.ts';

const config = loadFaultsConfig();

describe('the Kafka broker restarted in the middle of an ingest', () => {
  const backfill = backfillCase(config.FAULTS_ROWS);

  it('ends with every figure identical to a clean run, no command or service restarted', async () => {
    console.log(`[faults] broker-restart: seed ${config.FAULTS_SEED} (FAULTS_SEED to repeat)`);
    const { servers, files, clean, total } = backfill();
    const pipeline = await openBackfillPipeline(servers);
    const { aggregators, published } = pipeline;
    try {
      const aggregator = await aggregators.start();
      let exited = false;
      aggregator.child.once('exit', () => (exited = true));
      const ingest = pipeline.ingest(files.folder);

      // A quarter of the backfill is on the broker: the ingest is well under way.
      await pipeline.untilPublished(BigInt(Math.ceil(total / 4)));
      const landedMidIngest = ingest.endedAt() === undefined;
      const before = await published();
      await servers.restartKafka();
      const back = performance.now();

      const { code, output } = await ingest.done;
      expect(code, output).toBe(0);
      await pipeline.recovered(clean);
      const recoveryMs = performance.now() - back;
      expect(exited).toBe(false);
      recordRecovery({
        name: 'Kafka broker restart',
        recoveryMs,
        seed: config.FAULTS_SEED,
        detail: `${files.rows.toLocaleString('en-GB')} rows, ${clean.length} figures; restarted mid-ingest: ${landedMidIngest} (${before} of ${total} records published)`,
      });
    } finally {
      await pipeline.close();
    }
  }, 1_800_000);
});
