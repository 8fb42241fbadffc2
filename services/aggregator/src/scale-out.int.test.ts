import { createServerTestDatabase, type TestDatabase } from '@crimestats/store/testing';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import pino from 'pino';
import { RecordProcessor } from '@crimestats/aggregator';
import type { MonthlyRecord, PopulationRecord } from '@crimestats/contracts';
import { defaultReference, withReferenceAreas } from '@crimestats/domain';
// The ingest service's own sink, so records are keyed as in production (by force).
import { kafkaIngestSink } from '../../../packages/ingest/src/kafka-sink.ts';
import { Publisher } from '@crimestats/kafka';
import { createStore, loadReference, migrate, type Store } from '@crimestats/store';
import { caughtUp, createTestTopics, eventually, type TestTopics } from '@crimestats/testkit';
import { comparable } from '../../../packages/aggregator/src/testing/comparable.ts';
import { planRecords } from '../../../packages/aggregator/src/testing/plan-records.ts';
import {
  aggregatorTestEnv,
  startAggregatorProcess,
  type AggregatorProcess,
} from './testing/aggregator-process.ts';

const logger = pino({ level: 'silent' });
const PARTITIONS = 4;

/** A second force, loaded as reference data: two areas whose records are Derbyshire's, moved. */
const SECOND_FORCE = 'E23000098';
const SECOND_AREAS: Record<string, string> = { E07000039: 'E07000981', E06000015: 'E07000982' };
const secondForceRows = Object.values(SECOND_AREAS).map((areaCode, i) => ({
  areaCode,
  areaName: `Secondton ${i + 1}`,
  forceCode: SECOND_FORCE,
  forceName: 'Secondshire',
  policeUkName: 'Secondshire Police',
}));

/** The areas the ingest keys records by: the second force's included, as its service would. */
const areas = withReferenceAreas(defaultReference.areas, secondForceRows);

/** Both forces' stores start with the second force's reference loaded. */
async function withSecondForce(target: TestDatabase): Promise<Store> {
  await migrate(target.client, target.database);
  const store = createStore(target.client, target.database);
  await store.referenceAreas.insert(secondForceRows, {
    file: 'secondshire.csv',
    revision: 1,
    batchId: randomUUID(),
  });
  return store;
}

/**
 * The plan's records, with two of its areas' copied into the second force (counts shifted), in
 * three parts by month, and a later revision correcting some of the first.
 */
function load(): { parts: MonthlyRecord[][]; populations: PopulationRecord[] } {
  const plan = planRecords();
  const second = plan.flatMap((r) => {
    const areaCode = SECOND_AREAS[r.areaCode];
    return areaCode === undefined ? [] : [{ ...r, areaCode, count: r.count + 1 }];
  });
  const records = [...plan, ...second];
  const months = [...new Set(records.map((r) => r.month))].sort();
  const third = Math.ceil(months.length / 3);
  const partOf = (r: MonthlyRecord) => Math.floor(months.indexOf(r.month) / third);
  const parts: MonthlyRecord[][] = [[], [], []];
  for (const r of records) parts[partOf(r)]!.push(r);
  const batchId = randomUUID();
  const corrections = parts[0]!
    .filter(
      (r) =>
        r.areaCode === 'E07000039' ||
        r.areaCode === 'E07000981' ||
        r.category === 'anti-social-behaviour',
    )
    .map((r) => ({ ...r, count: r.count + 5, revision: Date.UTC(2026, 1, 15), batchId }));
  parts[2]!.push(...corrections);
  const populations = ['E07000039', 'E06000015', 'E07000982'].map((areaCode, i) => ({
    areaCode,
    year: 2024,
    population: 100_000 + 50_000 * i,
    source: { file: 'populations-2024.csv' },
    revision: Date.UTC(2026, 1, 1),
    batchId: randomUUID(),
  }));
  return { parts, populations };
}

/** Months one at a time, so the load arrives over many fetches and the work is spread out. */
async function publishByMonth(publisher: Publisher, topics: TestTopics, records: MonthlyRecord[]) {
  const sink = kafkaIngestSink(
    publisher,
    { records: topics.topics.records!, populations: topics.topics.populations! },
    areas,
  );
  for (const month of [...new Set(records.map((r) => r.month))]) {
    await sink.publishRecords(records.filter((r) => r.month === month));
  }
}

const everyFigure = async (store: Store) =>
  store.figures.readRange({
    categories: defaultReference.categories.all().map((c) => c.code),
    months: 12,
    fromEnd: '2000-01',
    toEnd: '2100-12',
  });

describe('aggregator instances scaled out in one consumer group', () => {
  let t: TestTopics;
  let db: TestDatabase;
  let single: TestDatabase;
  let publisher: Publisher;
  const services: AggregatorProcess[] = [];

  beforeEach(async () => {
    t = await createTestTopics(
      inject('kafkaBrokers'),
      ['records', 'populations', 'dlq', 'popdlq', 'updates'],
      PARTITIONS,
    );
    db = await createServerTestDatabase(inject('clickhouseUrl'));
    single = await createServerTestDatabase(inject('clickhouseUrl'));
    await withSecondForce(db);
    publisher = await Publisher.connect(t.kafka, logger);
  });
  afterEach(async () => {
    for (const { child } of services.splice(0)) child.kill('SIGKILL');
    await publisher?.disconnect();
    await db?.cleanup();
    await single?.cleanup();
    await t?.cleanup();
  });

  const startService = () => {
    const service = startAggregatorProcess(
      aggregatorTestEnv(t, db.database, {
        kafkaBrokers: inject('kafkaBrokers'),
        clickhouseUrl: inject('clickhouseUrl'),
      }),
    );
    services.push(service);
    return service;
  };

  /** The first of the services to log `message`; one that exits first never wins. */
  const firstToLog = (candidates: AggregatorProcess[], message: string) =>
    Promise.race(
      candidates.map((service) =>
        service.seen(message).then(
          () => service,
          () => new Promise<never>(() => {}),
        ),
      ),
    );

  it("comes to a single instance's figures for two forces, one instance killed and another started mid-load", async () => {
    const { parts, populations } = load();
    await publishByMonth(publisher, t, parts[0]!);

    const first = [startService(), startService(), startService()];
    await Promise.all(first.map((service) => service.seen('aggregator started')));
    // Whoever stores first owns the force's partition: killing it leaves its work to the others.
    const owner = await firstToLog(first, 'batch stored');
    owner.child.kill('SIGKILL');
    await once(owner.child, 'exit');

    // Populations arrive on their own topic, usually at another instance, while records are
    // still being figured: two instances recompute the same force.
    await kafkaIngestSink(
      publisher,
      { records: t.topics.records!, populations: t.topics.populations! },
      areas,
    ).publishPopulations(populations);
    await publishByMonth(publisher, t, parts[1]!);
    const late = startService();
    await late.seen('aggregator started');
    await publishByMonth(publisher, t, parts[2]!);

    for (const topic of [t.topics.records!, t.topics.populations!]) {
      await eventually('the group to catch up', () => caughtUp(t.kafka, t.groupId, topic), 200_000);
    }
    const running = services.filter((service) => service !== owner);
    await Promise.all(
      running.map(async ({ child }) => {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }),
    );

    const singleStore = await withSecondForce(single);
    const processor = new RecordProcessor({
      store: singleStore,
      reference: { ...(await loadReference(singleStore)), forceCode: 'E23000018' },
      windows: [12],
      updates: { publish: async () => {} },
      logger,
    });
    await processor.processRecords(parts.flat());
    await processor.processPopulations(populations);

    const scaled = await everyFigure(createStore(db.client, db.database));
    const expected = await everyFigure(singleStore);
    expect(new Set(expected.map((row) => row.areaCode))).toContain(SECOND_FORCE);
    expect(scaled.length).toBe(expected.length);
    expect(comparable(scaled)).toEqual(comparable(expected));
    // The last recompute of each read all the data, so both end at the same data version.
    const newest = (rows: { version: bigint }[]) =>
      rows.reduce((max, row) => (row.version > max ? row.version : max), 0n);
    expect(newest(scaled)).toBe(newest(expected));
  }, 240_000);
});
