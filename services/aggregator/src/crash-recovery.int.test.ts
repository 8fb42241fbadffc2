import { createServerTestDatabase, type TestDatabase } from '@crimestats/store/testing';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import pino from 'pino';
import { RecordProcessor } from '@crimestats/aggregator';
import { caughtUp, eventually } from '@crimestats/testkit';
import { comparable } from '../../../packages/aggregator/src/testing/comparable.ts';
import { planRecords } from '../../../packages/aggregator/src/testing/plan-records.ts';
import { MonthlyRecordSchema } from '@crimestats/contracts';
import { defaultReference } from '@crimestats/domain';
import { createStore, migrate } from '@crimestats/store';
import { createTestTopics, type TestTopics } from '@crimestats/testkit';
import { aggregatorTestEnv, startAggregatorProcess } from './testing/aggregator-process.ts';

describe('aggregator killed with SIGKILL in the middle of a batch', () => {
  let t: TestTopics;
  let db: TestDatabase;
  let clean: TestDatabase;
  const children: ChildProcess[] = [];

  beforeEach(async () => {
    t = await createTestTopics(inject('kafkaBrokers'), [
      'records',
      'populations',
      'dlq',
      'popdlq',
      'updates',
    ]);
    db = await createServerTestDatabase(inject('clickhouseUrl'));
    clean = await createServerTestDatabase(inject('clickhouseUrl'));
  });
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    await db?.cleanup();
    await clean?.cleanup();
    await t?.cleanup();
  });

  const startService = () => {
    const service = startAggregatorProcess(
      aggregatorTestEnv(t, db.database, {
        kafkaBrokers: inject('kafkaBrokers'),
        clickhouseUrl: inject('clickhouseUrl'),
      }),
    );
    children.push(service.child);
    return service;
  };

  it('comes back to figures identical to a clean run', async () => {
    const records = planRecords();
    // Many small sends make many batches, so the kill lands with work in hand.
    const producer = t.kafka.producer();
    await producer.connect();
    for (const month of [...new Set(records.map((r) => r.month))]) {
      await producer.send({
        topic: t.topics.records!,
        messages: records
          .filter((r) => r.month === month)
          .map((r) => ({ key: r.areaCode, value: JSON.stringify(MonthlyRecordSchema.parse(r)) })),
      });
    }
    await producer.disconnect();

    const first = startService();
    await first.seen('batch stored', 2);
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');
    expect(await caughtUp(t.kafka, t.groupId, t.topics.records!)).toBe(false);

    const second = startService();
    await second.seen('aggregator started');
    await eventually(
      'the restarted service to catch up',
      () => caughtUp(t.kafka, t.groupId, t.topics.records!),
      90_000,
    );
    second.child.kill('SIGTERM');
    await once(second.child, 'exit');

    await migrate(clean.client, clean.database);
    const cleanStore = createStore(clean.client, clean.database);
    await new RecordProcessor({
      store: cleanStore,
      reference: { ...defaultReference, forceCode: 'E23000018' },
      windows: [12],
      updates: { publish: async () => {} },
      logger: pino({ level: 'silent' }),
    }).processRecords(records);
    const range = { months: 12, fromEnd: '2024-01', toEnd: '2025-12' };
    const categories = [
      'total-recorded-crime',
      'anti-social-behaviour',
      'theft-of-a-motor-vehicle',
      'burglary-business-and-community',
    ];
    const recovered = comparable(
      await createStore(db.client, db.database).figures.readRange({ categories, ...range }),
    );
    const expected = comparable(await cleanStore.figures.readRange({ categories, ...range }));
    expect(recovered.length).toBe(expected.length);
    expect(recovered).toEqual(expected);
  }, 180_000);
});
