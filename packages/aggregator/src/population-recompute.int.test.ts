import { randomUUID } from 'node:crypto';
import {
  MonthlyRecordSchema,
  PopulationRecordSchema,
  type PopulationRecord,
} from '@crimestats/contracts';
import { defaultReference } from '@crimestats/domain';
import { Publisher } from '@crimestats/kafka';
import { createStore, migrate, type FigureRow, type Store } from '@crimestats/store';
import { createServerTestDatabase, type TestDatabase } from '@crimestats/store/testing';
import { createTestTopics, type TestTopics } from '@crimestats/testkit';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { startAggregatorConsumer, type RunningConsumer } from './consumer.ts';
import { kafkaUpdatesSink } from './kafka-updates-sink.ts';
import { aggregatorMetrics } from './metrics.ts';
import { RecordProcessor } from './record-processor.ts';
import { caughtUp, eventually } from '@crimestats/testkit';
import { planRecords } from './testing/plan-records.ts';
import type { AggregatorTopics } from './topics.ts';

const logger = pino({ level: 'silent' });
const SOUTH_DERBYSHIRE = 'E07000039';
const COUNTY = 'E10000007';
const FORCE = 'E23000018';
const DERBY = 'E06000015';
// The eight districts' 2025 populations (packages/domain/data/populations.csv).
const DISTRICTS_2025 = 811_531;
const SOUTH_DERBYSHIRE_2025 = 106_654;

describe('a population file on the real broker and server', () => {
  let t: TestTopics;
  let topics: AggregatorTopics;
  let db: TestDatabase;
  let store: Store;
  let publisher: Publisher;
  let consumer: RunningConsumer | undefined;

  beforeEach(async () => {
    t = await createTestTopics(inject('kafkaBrokers'), [
      'records',
      'populations',
      'dlq',
      'pdlq',
      'updates',
    ]);
    topics = {
      records: t.topics.records!,
      populations: t.topics.populations!,
      deadLetter: t.topics.dlq!,
      populationsDeadLetter: t.topics.pdlq!,
      figuresUpdated: t.topics.updates!,
    };
    db = await createServerTestDatabase(inject('clickhouseUrl'));
    await migrate(db.client, db.database);
    store = createStore(db.client, db.database);
    publisher = await Publisher.connect(t.kafka, logger);
    const reference = { ...defaultReference, forceCode: FORCE };
    consumer = await startAggregatorConsumer({
      kafka: t.kafka,
      groupId: t.groupId,
      topics,
      reference,
      processor: new RecordProcessor({
        store,
        reference,
        windows: [12],
        updates: kafkaUpdatesSink(publisher, topics.figuresUpdated),
        logger,
      }),
      publisher,
      logger,
      metrics: aggregatorMetrics(),
    });
  });
  afterEach(async () => {
    await consumer?.stop();
    await publisher?.disconnect();
    await db?.cleanup();
    await t?.cleanup();
  });

  const figuresAt = async (periodEnd: string): Promise<Map<string, FigureRow>> => {
    const rows = await store.figures.read({
      category: 'total-recorded-crime',
      months: 12,
      periodEnd,
    });
    return new Map(rows.map((row) => [row.areaCode, row]));
  };

  it('recomputes the rates of the periods ending in its year, without reloading counts', async () => {
    await publisher.publish(
      topics.records,
      MonthlyRecordSchema,
      planRecords().map((r) => ({ key: r.areaCode, value: r })),
    );
    await eventually('the counts to be stored', () => caughtUp(t.kafka, t.groupId, topics.records));
    const before = { '2024-06': await figuresAt('2024-06'), '2024-12': await figuresAt('2024-12') };
    const before2025 = await figuresAt('2025-12');
    expect(before['2024-12'].get(SOUTH_DERBYSHIRE)?.population).toBe(SOUTH_DERBYSHIRE_2025);

    const population: PopulationRecord = {
      areaCode: SOUTH_DERBYSHIRE,
      year: 2024,
      population: 100_000,
      source: { file: 'south-derbyshire-2024.csv' },
      revision: Date.UTC(2026, 1, 1),
      batchId: randomUUID(),
    };
    await publisher.publish(topics.populations, PopulationRecordSchema, [
      { key: population.areaCode, value: population },
    ]);
    await eventually('the population to be applied', () =>
      caughtUp(t.kafka, t.groupId, topics.populations),
    );

    for (const periodEnd of ['2024-06', '2024-12'] as const) {
      const after = await figuresAt(periodEnd);
      const south = after.get(SOUTH_DERBYSHIRE)!;
      const southBefore = before[periodEnd].get(SOUTH_DERBYSHIRE)!;
      expect([south.volume, south.population], periodEnd).toEqual([southBefore.volume, 100_000]);
      expect(south.ratePer1000, periodEnd).toBeCloseTo((south.volume * 1000) / 100_000, 10);
      expect(south.ratePer1000, periodEnd).not.toBeCloseTo(southBefore.ratePer1000!, 3);
      // The county carries its own figure for 2025 only: for 2024 it is the sum of its districts,
      // South Derbyshire's new one included, and the force the county's plus Derby City's.
      const county = DISTRICTS_2025 - SOUTH_DERBYSHIRE_2025 + 100_000;
      expect(after.get(COUNTY)?.population, periodEnd).toBe(county);
      expect(after.get(FORCE)?.population, periodEnd).toBe(county + after.get(DERBY)!.population!);
      expect(after.get(COUNTY)?.ratePer1000, periodEnd).toBeCloseTo(
        (after.get(COUNTY)!.volume * 1000) / county,
        10,
      );
    }
    // Periods ending in 2025 keep 2025's populations.
    const after2025 = await figuresAt('2025-12');
    for (const [code, row] of before2025) {
      expect([code, after2025.get(code)?.ratePer1000]).toEqual([code, row.ratePer1000]);
    }
  });
});
