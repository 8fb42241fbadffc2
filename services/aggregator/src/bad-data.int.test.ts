import { MonthlyRecordSchema } from '@crimestats/contracts';
import { createStore, type Store } from '@crimestats/store';
import { createServerTestDatabase, type TestDatabase } from '@crimestats/store/testing';
import { createTestTopics, uniqueName, type TestTopics } from '@crimestats/testkit';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { caughtUp, eventually } from '@crimestats/testkit';
import { readDeadLetters } from '../../../packages/aggregator/src/testing/consumer-fixture.ts';
import {
  loopbackRelay,
  type LoopbackRelay,
} from '../../../packages/aggregator/src/testing/loopback-relay.ts';
import { planRecords } from '../../../packages/aggregator/src/testing/plan-records.ts';
import { startAggregatorProcess } from './testing/aggregator-process.ts';

// Issue 11: month 0025-12 once passed Kafka's schema, was stored, and every later batch failed.
// Across the service's boundary now: such records, and every other value that cannot be used, go
// to the dead-letter topic once each, with the reason, and the records after them on the same
// partition are stored and figured, and so are later ones; /readyz names a stuck partition.

const KEY = 'E07000039';

describe('the aggregator service given bad data', () => {
  let t: TestTopics;
  let db: TestDatabase;
  let store: Store;
  let populationsDeadLetter: string;
  let relay: LoopbackRelay | undefined;
  const children: ChildProcess[] = [];

  beforeEach(async () => {
    // The populations' dead-letter topic is left for the service to create.
    t = await createTestTopics(inject('kafkaBrokers'), [
      'records',
      'populations',
      'dlq',
      'updates',
    ]);
    populationsDeadLetter = uniqueName('t_popdlq');
    db = await createServerTestDatabase(inject('clickhouseUrl'));
    store = createStore(db.client, db.database);
  });
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    await relay?.close();
    relay = undefined;
    await db?.cleanup();
    const admin = t.kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [populationsDeadLetter] }).catch(() => {});
    await admin.disconnect();
    await t?.cleanup();
  });

  const startService = (env: Record<string, string> = {}) => {
    const service = startAggregatorProcess({
      KAFKA_BROKERS: inject('kafkaBrokers').join(','),
      CLICKHOUSE_URL: inject('clickhouseUrl'),
      CLICKHOUSE_DATABASE: db.database,
      AGGREGATOR_GROUP_ID: t.groupId,
      TOPIC_RECORDS: t.topics.records!,
      TOPIC_POPULATIONS: t.topics.populations!,
      TOPIC_DEAD_LETTER: t.topics.dlq!,
      TOPIC_POPULATIONS_DEAD_LETTER: populationsDeadLetter,
      TOPIC_FIGURES_UPDATED: t.topics.updates!,
      ...env,
    });
    children.push(service.child);
    return service;
  };
  const send = async (topic: string, messages: { key: string; value: string }[]) => {
    const producer = t.kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages });
    await producer.disconnect();
  };
  const allCaughtUp = (topic: string) =>
    eventually(
      `${topic} to be committed to its end`,
      () => caughtUp(t.kafka, t.groupId, topic),
      90_000,
    );
  const readyz = async (address: string) => {
    const response = await fetch(`${address}/readyz`);
    return { status: response.status, body: (await response.json()) as { error?: string } };
  };
  const volume = async (areaCode: string) =>
    (
      await store.figures.read({
        category: 'total-recorded-crime',
        months: 12,
        periodEnd: '2025-12',
      })
    ).find((r) => r.areaCode === areaCode)?.volume;

  it('dead-letters month 0025-12 and other unusable records once each, and stores and figures the rest', async () => {
    const records = planRecords();
    const good = MonthlyRecordSchema.parse(records[0]);
    const poisons: { change: Record<string, unknown>; reason: string; error: RegExp }[] = [
      {
        change: { month: '0025-12' },
        reason: 'schema',
        error: /^month: expected a month as YYYY-MM from 1900-01 to 2199-12$/,
      },
      { change: { month: '1899-12' }, reason: 'schema', error: /^month: / },
      { change: { month: '2200-01' }, reason: 'schema', error: /^month: / },
      { change: { month: '2025-13' }, reason: 'schema', error: /^month: / },
      { change: { month: '' }, reason: 'schema', error: /^month: / },
      { change: { count: -1 }, reason: 'schema', error: /^count: / },
      { change: { areaCode: 'e07000039' }, reason: 'schema', error: /^areaCode: / },
      { change: { areaCode: 'E07000099' }, reason: 'unknown-area', error: /E07000099/ },
      { change: { category: 'no-such-crime' }, reason: 'unknown-category', error: /no-such-crime/ },
    ];
    const encode = (r: object) => ({ key: KEY, value: JSON.stringify(r) });
    const half = Math.floor(records.length / 2);
    await send(t.topics.records!, [
      ...records.slice(0, half).map(encode),
      ...poisons.map((p) => encode({ ...good, ...p.change })),
      ...records.slice(half).map(encode),
    ]);
    await send(t.topics.populations!, [
      encode({
        areaCode: KEY,
        year: 25,
        population: 1,
        source: { file: 'p.csv' },
        revision: 1,
        batchId: good.batchId,
      }),
    ]);

    const service = startService();
    const address = await service.address();
    await allCaughtUp(t.topics.records!);
    await allCaughtUp(t.topics.populations!);

    const letters = await readDeadLetters(t, t.topics.dlq!);
    expect(letters.map((l) => l.reason)).toEqual(poisons.map((p) => p.reason));
    letters.forEach((letter, i) => {
      expect(letter.error).toMatch(poisons[i]!.error);
      expect(letter.source.offset).toBe(String(half + i));
    });
    const populationLetters = await readDeadLetters(t, populationsDeadLetter);
    expect(populationLetters.map((l) => [l.reason, l.error])).toEqual([
      ['schema', 'year: expected a year from 1900 to 2199'],
    ]);
    expect(await volume(KEY)).toBe(6267);
    expect(await volume('E23000018')).toBe(84621);
    expect(await readyz(address)).toEqual({ status: 200, body: { status: 'ready' } });

    // Later records are stored and figured too: a corrected count for December.
    const december = records.find(
      (r) => r.areaCode === KEY && r.category === 'total-recorded-crime' && r.month === '2025-12',
    )!;
    await send(t.topics.records!, [
      encode({ ...december, count: december.count + 10, revision: december.revision + 1 }),
    ]);
    await allCaughtUp(t.topics.records!);
    expect(await volume(KEY)).toBe(6277);
    expect(await readDeadLetters(t, t.topics.dlq!)).toHaveLength(poisons.length);

    service.child.kill('SIGTERM');
    const [code] = await once(service.child, 'exit');
    expect(code).toBe(0);
  }, 180_000);

  it('answers /readyz 503 naming a partition stuck longer than AGGREGATOR_STUCK_AFTER_MS, and ready once it moves', async () => {
    relay = await loopbackRelay(inject('clickhouseUrl'));
    const service = startService({ CLICKHOUSE_URL: relay.url, AGGREGATOR_STUCK_AFTER_MS: '1000' });
    const address = await service.address();
    await eventually('the consumer to join', async () => (await readyz(address)).status === 200);

    await relay.down();
    const record = planRecords().find((r) => r.areaCode === KEY && r.month === '2025-12')!;
    const sent = Date.now();
    await send(t.topics.records!, [{ key: KEY, value: JSON.stringify(record) }]);
    const stuck = await eventually('the partition to be reported stuck', async () => {
      const answer = await readyz(address);
      return answer.status === 503 ? answer : undefined;
    });
    // Not before the time allowed has passed since the first failure (which follows the send).
    expect(Date.now() - sent).toBeGreaterThanOrEqual(1000);
    expect(stuck.body.error).toMatch(
      new RegExp(
        `^${t.topics.records} partition \\d stuck for \\d+ s without a commit; last error: `,
      ),
    );

    await relay.up();
    await allCaughtUp(t.topics.records!);
    await eventually('readiness to come back', async () => (await readyz(address)).status === 200);
  }, 120_000);
});
