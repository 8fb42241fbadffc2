import { randomUUID } from 'node:crypto';
import { MonthlyRecordSchema } from '@crimestats/contracts';
import { ReferenceSource, loadReference, type Store } from '@crimestats/store';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RecordProcessor } from './record-processor.ts';
import { consumerFixture, type ConsumerFixture } from './testing/consumer-fixture.ts';
import { yearRecords } from './testing/year-records.ts';
import { discardUpdates } from './updates-sink.ts';

// A reference load (`crimestats reference load` in distributed mode: the rows, then its own
// recompute) lands while the aggregator computes a batch with the reference it read before. The
// batch's figures, written after the load's recompute, must not keep the old reference: the
// consumer sees the load once the batch is stored and computes the batch again.
const FORCE = 'E23000096';
const COUNTY = 'E10000096';
const ALPHA = 'E07000961';
const BETA = 'E07000962';
const force = { forceCode: FORCE, forceName: 'Raceshire', policeUkName: 'Raceshire Police' };
const logger = pino({ level: 'silent' });

const records = (year: number, revision: number) =>
  yearRecords({ [ALPHA]: 3, [BETA]: 10 }, year, revision);

/** What `reference load` does in distributed mode: stores the rows, then recomputes the force. */
async function loadCounty(store: Store): Promise<void> {
  const county = { countyCode: COUNTY, countyName: 'Raceshire County' };
  await store.referenceAreas.insert(
    [
      { areaCode: ALPHA, areaName: 'Alphaford', ...force, ...county },
      { areaCode: BETA, areaName: 'Betaford', ...force, ...county },
    ],
    { file: 'county.csv', revision: 2, batchId: randomUUID() },
  );
  await new RecordProcessor({
    store,
    reference: { ...(await loadReference(store)), forceCode: FORCE },
    windows: [12],
    updates: discardUpdates,
    logger,
  }).recomputeAll({ forceCodes: [FORCE] });
}

describe('a reference load during a batch, on the real broker and server', () => {
  let f: ConsumerFixture;
  let store: Store;

  beforeAll(async () => {
    f = await consumerFixture(inject('kafkaBrokers'), inject('clickhouseUrl'));
    store = f.store;
    await store.referenceAreas.insert(
      [
        { areaCode: ALPHA, areaName: 'Alphaford', ...force },
        { areaCode: BETA, areaName: 'Betaford', ...force },
      ],
      { file: 'areas.csv', revision: 1, batchId: randomUUID() },
    );
  }, 120_000);
  afterAll(async () => {
    await f?.cleanup();
  });

  it('computes the batch again with the loaded reference, so its county figures are whole', async () => {
    // The aggregator's reference, checked on batches only every minute: the load is unseen then.
    const references = await ReferenceSource.open(store, { checkEveryMs: 60_000 });
    const reference = { ...references.live, forceCode: FORCE };
    let raced = false;
    // The load lands after the batch is taken, before its figures are computed and written.
    class RacedProcessor extends RecordProcessor {
      override async processRecords(batch: Parameters<RecordProcessor['processRecords']>[0]) {
        if (!raced) {
          raced = true;
          await loadCounty(store);
        }
        return super.processRecords(batch);
      }
    }
    const processor = new RacedProcessor({
      store,
      reference,
      windows: [12],
      updates: discardUpdates,
      logger,
    });
    // 2024 is stored before, so the load's recompute has figures to make.
    await store.monthlyRecords.insert(records(2024, 1));
    await f.start({
      figuring: {
        reference,
        processor,
        reloadReference: () => references.reload(),
        refreshReference: () => references.refresh(),
      },
    });
    await f.publisher.publish(
      f.topics.records,
      MonthlyRecordSchema,
      records(2025, 2).map((r) => ({ key: r.areaCode, value: r })),
    );
    await f.caughtUp(f.topics.records);
    expect(raced).toBe(true);

    // Read with SQL of the test's own: the year to 2025-12 has the county, holding 2025's counts.
    const result = await f.db.client.query({
      query: `SELECT area_code, area_kind, volume FROM ${f.db.database}.figures FINAL
              WHERE category = 'drugs' AND months = 12 AND period_end = '2025-12'
              ORDER BY area_code`,
      format: 'JSONEachRow',
    });
    expect(await result.json()).toEqual([
      { area_code: ALPHA, area_kind: 'csp', volume: '36' },
      { area_code: BETA, area_kind: 'csp', volume: '120' },
      { area_code: COUNTY, area_kind: 'county', volume: '156' },
      { area_code: FORCE, area_kind: 'force', volume: '156' },
    ]);
  }, 180_000);
});
