import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import type { MonthlyRecord } from '@crimestats/contracts';
import type { ReferenceAreaRow } from '@crimestats/domain';
import { Publisher } from '@crimestats/kafka';
import { createStore } from '@crimestats/store';
import { createServerTestDatabase, type TestDatabase } from '@crimestats/store/testing';
import { caughtUp, createTestTopics, eventually, type TestTopics } from '@crimestats/testkit';
// The ingest service's own sink, so records are keyed as in production (by force).
import { kafkaIngestSink } from '../../../packages/ingest/src/kafka-sink.ts';
import { readDeadLetters } from '../../../packages/aggregator/src/testing/consumer-fixture.ts';
import {
  aggregatorTestEnv,
  startAggregatorProcess,
  type AggregatorProcess,
} from './testing/aggregator-process.ts';

const logger = pino({ level: 'silent' });

// A second force, loaded into the store after the aggregator has started and read its reference.
const exampleshire = {
  forceCode: 'E23000099',
  forceName: 'Exampleshire Police',
  policeUkName: 'Exampleshire Police',
};
const areas: ReferenceAreaRow[] = [
  { areaCode: 'E07000901', areaName: 'Alphaton', ...exampleshire },
  { areaCode: 'E07000902', areaName: 'Betaby', ...exampleshire },
];
const MONTHS = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);

/** Twelve months of drugs counts for each of the second force's areas: 1, 2, ... and 10, 20, ... */
function records(): MonthlyRecord[] {
  const batchId = randomUUID();
  return areas.flatMap(({ areaCode }, a) =>
    MONTHS.map((month, m) => ({
      areaCode,
      category: 'drugs',
      month,
      months: 1,
      count: (m + 1) * (a === 0 ? 1 : 10),
      source: { kind: 'monthly-counts' as const, file: 'exampleshire.csv' },
      revision: Date.UTC(2026, 0, 15),
      batchId,
    })),
  );
}

describe('a force whose reference is loaded after the aggregator started', () => {
  let t: TestTopics;
  let db: TestDatabase;
  let publisher: Publisher;
  let service: AggregatorProcess | undefined;

  beforeEach(async () => {
    t = await createTestTopics(inject('kafkaBrokers'), [
      'records',
      'populations',
      'dlq',
      'popdlq',
      'updates',
    ]);
    db = await createServerTestDatabase(inject('clickhouseUrl'));
    publisher = await Publisher.connect(t.kafka, logger);
  });
  afterEach(async () => {
    service?.child.kill('SIGKILL');
    await publisher?.disconnect();
    await db?.cleanup();
    await t?.cleanup();
  });

  it('has its figures computed from records published after the load, nothing dead-lettered', async () => {
    service = startAggregatorProcess(
      aggregatorTestEnv(t, db.database, {
        kafkaBrokers: inject('kafkaBrokers'),
        clickhouseUrl: inject('clickhouseUrl'),
      }),
    );
    // Started: the store is migrated and its reference (Derbyshire's alone) has been read.
    await service.seen('aggregator started');

    const store = createStore(db.client, db.database);
    await store.referenceAreas.insert(areas, {
      file: 'exampleshire-areas.csv',
      revision: Date.now(),
      batchId: randomUUID(),
    });
    await kafkaIngestSink(publisher, {
      records: t.topics.records!,
      populations: t.topics.populations!,
    }).publishRecords(records());

    await eventually(
      'the group to catch up',
      () => caughtUp(t.kafka, t.groupId, t.topics.records!),
      120_000,
    );
    await service.seen('reference data read again');
    const figures = await store.figures.readRange({
      categories: ['drugs'],
      months: 12,
      fromEnd: '2025-12',
      toEnd: '2025-12',
    });
    const volumeOf = (code: string) => figures.find((f) => f.areaCode === code)?.volume;
    expect(volumeOf('E07000901')).toBe(78);
    expect(volumeOf('E07000902')).toBe(780);
    expect(volumeOf('E23000099')).toBe(858);
    expect(await readDeadLetters(t, t.topics.dlq!)).toEqual([]);

    service.child.kill('SIGTERM');
    await once(service.child, 'exit');
    service = undefined;
  }, 200_000);
});
