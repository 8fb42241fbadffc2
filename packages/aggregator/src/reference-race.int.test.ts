import { randomUUID } from 'node:crypto';
import { MonthlyRecordSchema, type MonthlyRecord } from '@crimestats/contracts';
import { Publisher } from '@crimestats/kafka';
import {
  ReferenceSource,
  createStore,
  loadReference,
  migrate,
  type Store,
} from '@crimestats/store';
import { createServerTestDatabase, type TestDatabase } from '@crimestats/store/testing';
import { caughtUp, createTestTopics, eventually, type TestTopics } from '@crimestats/testkit';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startAggregatorConsumer, type RunningConsumer } from './consumer.ts';
import { aggregatorMetrics } from './metrics.ts';
import { RecordProcessor } from './record-processor.ts';
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

function records(year: number, revision: number): MonthlyRecord[] {
  const batchId = randomUUID();
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).flatMap(
    (month) =>
      [
        [ALPHA, 3],
        [BETA, 10],
      ].map(([areaCode, count]) => ({
        areaCode: areaCode as string,
        category: 'drugs',
        month,
        months: 1,
        count: count as number,
        source: { kind: 'monthly-counts' as const, file: `counts-${year}.csv` },
        revision,
        batchId,
      })),
  );
}

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
  let t: TestTopics;
  let db: TestDatabase;
  let store: Store;
  let publisher: Publisher;
  let consumer: RunningConsumer | undefined;

  beforeAll(async () => {
    t = await createTestTopics(inject('kafkaBrokers'), [
      'records',
      'populations',
      'dlq',
      'pdlq',
      'updates',
    ]);
    db = await createServerTestDatabase(inject('clickhouseUrl'));
    await migrate(db.client, db.database);
    store = createStore(db.client, db.database);
    await store.referenceAreas.insert(
      [
        { areaCode: ALPHA, areaName: 'Alphaford', ...force },
        { areaCode: BETA, areaName: 'Betaford', ...force },
      ],
      { file: 'areas.csv', revision: 1, batchId: randomUUID() },
    );
    publisher = await Publisher.connect(t.kafka, logger);
  }, 120_000);
  afterAll(async () => {
    await consumer?.stop();
    await publisher?.disconnect();
    await db?.cleanup();
    await t?.cleanup();
  });

  it('computes the batch again with the loaded reference, so its county figures are whole', async () => {
    // The aggregator's reference, checked on batches only every minute: the load is unseen then.
    const references = await ReferenceSource.open(store, { checkEveryMs: 60_000 });
    const reference = { ...references.live, forceCode: FORCE };
    let raced = false;
    // The load lands after the batch is taken, before its figures are computed and written.
    class RacedProcessor extends RecordProcessor {
      override async processRecords(batch: MonthlyRecord[]) {
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
    consumer = await startAggregatorConsumer({
      kafka: t.kafka,
      groupId: t.groupId,
      topics: {
        records: t.topics.records!,
        populations: t.topics.populations!,
        deadLetter: t.topics.dlq!,
        populationsDeadLetter: t.topics.pdlq!,
        figuresUpdated: t.topics.updates!,
      },
      reference,
      processor,
      reloadReference: () => references.reload(),
      refreshReference: () => references.refresh(),
      publisher,
      logger,
      metrics: aggregatorMetrics(),
    });
    await publisher.publish(
      t.topics.records!,
      MonthlyRecordSchema,
      records(2025, 2).map((r) => ({ key: r.areaCode, value: r })),
    );
    await eventually('the batch to be stored', () =>
      caughtUp(t.kafka, t.groupId, t.topics.records!),
    );
    expect(raced).toBe(true);

    // Read with SQL of the test's own: the year to 2025-12 has the county, holding 2025's counts.
    const result = await db.client.query({
      query: `SELECT area_code, area_kind, volume FROM ${db.database}.figures FINAL
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
