import { MonthlyRecordSchema } from '@crimestats/contracts';
import { createStore, openClickHouse } from '@crimestats/store';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { eventually } from '@crimestats/testkit';
import { consumerFixture, type ConsumerFixture } from './testing/consumer-fixture.ts';
import { loopbackRelay, type LoopbackRelay } from './testing/loopback-relay.ts';
import { planRecords } from './testing/plan-records.ts';

// ClickHouse goes away under a consumer that has a poison message and good records in hand: the
// good records wait (retried with backoff, nothing committed), the partition is reported stuck
// once it has failed for longer than allowed, and the poison is dead-lettered once, not once per
// retry. When the store comes back everything is stored and the partition is ready again.

const KEY = 'E07000039';
const STUCK_AFTER_MS = 1500;

describe('aggregator consumer while the store is unavailable', () => {
  let f: ConsumerFixture;
  let relay: LoopbackRelay;
  const clients: { close(): Promise<void> }[] = [];
  beforeEach(async () => {
    f = await consumerFixture(inject('kafkaBrokers'), inject('clickhouseUrl'));
    relay = await loopbackRelay(inject('clickhouseUrl'));
  });
  afterEach(async () => {
    await f?.stopConsumers();
    await relay?.close();
    for (const client of clients.splice(0)) await client.close();
    await f?.cleanup();
  });

  /** A poison message, then good records, on one partition; a store behind the relay, down. */
  const startWithStoreDown = async () => {
    const records = planRecords().filter((r) => r.areaCode === KEY && r.month === '2025-12');
    await f.send(f.topics.records, [
      { key: KEY, value: 'not json, sent before the outage' },
      ...records.map((r) => ({ key: KEY, value: JSON.stringify(MonthlyRecordSchema.parse(r)) })),
    ]);
    const client = openClickHouse({ kind: 'server', url: relay.url }, f.db.database);
    clients.push(client);
    await relay.down();
    const started = Date.now();
    const { consumer, metrics } = await f.start({
      store: createStore(client, f.db.database),
      stuckAfterMs: STUCK_AFTER_MS,
      retry: { initialDelayMs: 50, maxDelayMs: 250 },
    });
    const failedAttempts = async () =>
      (await metrics.failedAttempts.get()).values.reduce((n, v) => n + v.value, 0);
    return { consumer, started, failedAttempts };
  };

  const storedFigure = async () =>
    (
      await f.store.figures.read({
        category: 'total-recorded-crime',
        months: 12,
        periodEnd: '2025-12',
      })
    ).find((r) => r.areaCode === KEY);

  it('retries the good records with backoff and dead-letters the poison once, not once per retry', async () => {
    const { failedAttempts } = await startWithStoreDown();
    await eventually('several failed attempts', async () => (await failedAttempts()) >= 5);
    expect(await storedFigure()).toBeUndefined();

    await relay.up();
    await f.caughtUp(f.topics.records);
    const letters = await f.deadLetters(f.topics.deadLetter);
    expect(letters.map((l) => [l.reason, l.source.offset])).toEqual([['not-json', '0']]);
    expect(await storedFigure()).toBeDefined();
  });

  it('reports the partition stuck, by topic and partition, once it has failed for longer than allowed', async () => {
    const { consumer, started } = await startWithStoreDown();
    const reason = await eventually('the partition to be reported stuck', async () =>
      consumer.notReady(),
    );
    const detectedAfterMs = Date.now() - started;
    expect(reason).toContain(f.topics.records);
    expect(reason).toMatch(/partition \d+ stuck for \d+ s/);
    expect(reason).toMatch(/ECONNREFUSED|ECONNRESET|socket hang up/);
    expect(detectedAfterMs).toBeGreaterThanOrEqual(STUCK_AFTER_MS);
    expect(consumer.stuckPartitions()).toEqual([
      expect.objectContaining({ topic: f.topics.records }),
    ]);

    await relay.up();
    await f.caughtUp(f.topics.records);
    await eventually('readiness to come back', async () => consumer.notReady() === undefined);
    expect(consumer.stuckPartitions()).toEqual([]);
  });
});
