import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { backfillCase, openBackfillPipeline } from './backfill-case.ts';
import { loadFaultsConfig } from './faults-config.ts';
import { recordRecovery } from './record-recovery.ts';

const config = loadFaultsConfig();
const downSeconds = config.FAULTS_CLICKHOUSE_DOWN_MS / 1000;

describe(`ClickHouse unavailable for ${downSeconds} s in the middle of aggregation`, () => {
  const backfill = backfillCase(config.FAULTS_ROWS);

  it('ends with every figure identical to a clean run, the aggregator never restarted', async () => {
    console.log(`[faults] clickhouse-outage: seed ${config.FAULTS_SEED} (FAULTS_SEED to repeat)`);
    const { servers, files, clean, total } = backfill();
    const pipeline = await openBackfillPipeline(servers);
    const { aggregators, caughtUp } = pipeline;
    try {
      const aggregator = await aggregators.start();
      let exited = false;
      aggregator.child.once('exit', () => (exited = true));
      const ingest = pipeline.ingest(files.folder);

      // The server goes once the ingest has published part of the backfill: the aggregator has
      // the rest of it to store while the server is away.
      await pipeline.untilPublished(BigInt(Math.ceil(total / 4)));
      const ingestWasRunning = ingest.endedAt() === undefined;
      const workLeft = ingest.endedAt() === undefined || !(await caughtUp());
      // Gone at once, as in a crash: a graceful stop would let the work under way finish first.
      await servers.stopClickHouse('SIGKILL');
      // The outage's length is the fault itself, not a wait for anything.
      await delay(config.FAULTS_CLICKHOUSE_DOWN_MS);
      await servers.startClickHouse();
      const back = performance.now();

      const { code, output } = await ingest.done;
      expect(code, output).toBe(0);
      await pipeline.recovered(clean);
      const recoveryMs = performance.now() - back;
      expect(exited).toBe(false);
      recordRecovery({
        name: `ClickHouse down ${downSeconds} s`,
        recoveryMs,
        seed: config.FAULTS_SEED,
        detail: `${files.rows.toLocaleString('en-GB')} rows, ${clean.length} figures; work left when it went: ${workLeft}, ingest still running: ${ingestWasRunning}`,
      });
    } finally {
      await pipeline.close();
    }
  }, 1_800_000);
});
