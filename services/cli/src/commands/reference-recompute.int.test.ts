import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordProcessor, discardUpdates } from '@crimestats/aggregator';
import { yearRecords } from '@crimestats/aggregator/testing';
import { FiguresUpdatedSchema, Topics, type FiguresUpdated } from '@crimestats/contracts';
import { connectKafka } from '@crimestats/kafka';
import { createStore, loadReference, migrate, type Store } from '@crimestats/store';
import { createServerTestDatabase, type TestDatabase } from '@crimestats/store/testing';
import { eventually } from '@crimestats/testkit';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadCliConfig } from '../config.ts';
import { recomputeForces } from './reference-recompute.ts';

// Distributed mode: `crimestats reference load` recomputes on the ClickHouse server what the
// loaded rows change, and publishes the changes to Kafka's figures-updated topic, as the
// aggregator would. Codes of this file's own, so other tests' notices on the shared topic are
// told apart.
const FORCE = 'E23000097';
const COUNTY = 'E10000097';
const ALPHA = 'E07000971';
const BETA = 'E07000972';
const force = { forceCode: FORCE, forceName: 'Testshire', policeUkName: 'Testshire Police' };
const logger = pino({ level: 'silent' });
const home = mkdtempSync(join(tmpdir(), 'crimestats-reference-recompute-'));

type Consumer = ReturnType<ReturnType<typeof connectKafka>['consumer']>;
const load = (revision: number) => ({ file: 'areas.csv', revision, batchId: randomUUID() });

describe('reference load recompute in distributed mode, on the real broker and server', () => {
  let db: TestDatabase;
  let store: Store;
  let consumer: Consumer | undefined;

  beforeAll(async () => {
    db = await createServerTestDatabase(inject('clickhouseUrl'));
    await migrate(db.client, db.database);
    store = createStore(db.client, db.database);
    await store.referenceAreas.insert(
      [
        { areaCode: ALPHA, areaName: 'Alphaton', ...force },
        { areaCode: BETA, areaName: 'Betaby', ...force },
      ],
      load(1),
    );
    // The figures as the aggregator computed them with that first reference.
    const processor = new RecordProcessor({
      store,
      reference: { ...(await loadReference(store)), forceCode: 'E23000018' },
      windows: [12],
      updates: discardUpdates,
      logger,
    });
    await processor.processRecords(
      [2024, 2025].flatMap((year) => yearRecords({ [ALPHA]: 3, [BETA]: 10 }, year, 1)),
    );
  }, 120_000);
  afterAll(async () => {
    await consumer?.disconnect();
    await db?.cleanup();
    rmSync(home, { recursive: true, force: true });
  });

  /** The stored figures, read with SQL of the test's own rather than through the repository. */
  async function storedFigures(): Promise<unknown[]> {
    const result = await db.client.query({
      query: `SELECT area_code, area_name, area_kind, volume FROM ${db.database}.figures FINAL
              WHERE category = 'drugs' AND months = 12 AND period_end = '2025-12'
              ORDER BY area_code`,
      format: 'JSONEachRow',
    });
    return result.json();
  }

  it("renames an area and adds its new county to the force's figures, and publishes the new rows", async () => {
    expect(await storedFigures()).toEqual([
      { area_code: ALPHA, area_name: 'Alphaton', area_kind: 'csp', volume: '36' },
      { area_code: BETA, area_name: 'Betaby', area_kind: 'csp', volume: '120' },
      { area_code: FORCE, area_name: 'Testshire', area_kind: 'force', volume: '156' },
    ]);
    // The second file renames Alphaton and puts both areas in a county.
    const county = { countyCode: COUNTY, countyName: 'Testshire County' };
    await store.referenceAreas.insert(
      [
        { areaCode: ALPHA, areaName: 'Alphaton and District', ...force, ...county },
        { areaCode: BETA, areaName: 'Betaby', ...force, ...county },
      ],
      load(2),
    );
    const brokers = inject('kafkaBrokers');
    const config = loadCliConfig({
      CLICKHOUSE_URL: inject('clickhouseUrl'),
      CLICKHOUSE_DATABASE: db.database,
      KAFKA_BROKERS: brokers.join(','),
      CRIMESTATS_HOME: home,
      LOG_LEVEL: 'silent',
    });
    expect(config.mode).toBe('distributed');
    const done = await recomputeForces(config, [FORCE]);
    expect(done.figures).toBeGreaterThan(0);
    expect(done.updates).toBeGreaterThan(0);

    expect(await storedFigures()).toEqual([
      { area_code: ALPHA, area_name: 'Alphaton and District', area_kind: 'csp', volume: '36' },
      { area_code: BETA, area_name: 'Betaby', area_kind: 'csp', volume: '120' },
      { area_code: COUNTY, area_name: 'Testshire County', area_kind: 'county', volume: '156' },
      { area_code: FORCE, area_name: 'Testshire', area_kind: 'force', volume: '156' },
    ]);

    // The county's rows are new, so each is a notice on the topic the notifier reads.
    const kafka = connectKafka({ brokers, clientId: 'reference-recompute-test', logger });
    consumer = kafka.consumer({ groupId: `reference-recompute-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.figuresUpdated, fromBeginning: true });
    const notices: FiguresUpdated[] = [];
    await consumer.run({
      eachMessage: async ({ message }) => {
        const parsed = FiguresUpdatedSchema.safeParse(JSON.parse(message.value?.toString() ?? ''));
        if (parsed.success && parsed.data.areaCode === COUNTY) notices.push(parsed.data);
      },
    });
    const notice = await eventually(
      'the county notice for drugs, 12 months to 2025-12',
      async () =>
        notices.find((n) => n.category === 'drugs' && n.months === 12 && n.periodEnd === '2025-12'),
      60_000,
    );
    expect(notice.before).toBeNull();
    expect(notice.after.volume).toBe(156);
  }, 180_000);
});
