import { MonthlyRecordSchema } from '@crimestats/contracts';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { caughtUp } from '@crimestats/testkit';
import { comparable } from './testing/comparable.ts';
import { consumerFixture, type ConsumerFixture } from './testing/consumer-fixture.ts';
import { planRecords } from './testing/plan-records.ts';

describe('aggregator consumer on the real broker and server', () => {
  let f: ConsumerFixture;
  beforeEach(async () => {
    f = await consumerFixture(inject('kafkaBrokers'), inject('clickhouseUrl'));
  });
  afterEach(async () => f?.cleanup());

  const stored = async () =>
    comparable(
      await f.store.figures.readRange({
        categories: ['total-recorded-crime'],
        months: 12,
        fromEnd: '2024-01',
        toEnd: '2025-12',
      }),
    );

  it('stores figures, sends poison to the dead-letter topic without stopping, and a replay from the start changes nothing', async () => {
    const records = planRecords();
    await f.send(f.topics.records, [
      { key: 'E07000039', value: 'this is not json' },
      { key: 'E07000039', value: JSON.stringify({ areaCode: 'E07000039', count: -1 }) },
      ...records.map((r) => ({
        key: r.areaCode,
        value: JSON.stringify(MonthlyRecordSchema.parse(r)),
      })),
    ]);

    const { consumer } = await f.start();
    await f.caughtUp(f.topics.records);
    expect(consumer.ready()).toBe(true);
    expect(consumer.notReady()).toBeUndefined();
    const figures = await f.store.figures.read({
      category: 'total-recorded-crime',
      months: 12,
      periodEnd: '2025-12',
    });
    expect(figures.find((r) => r.areaCode === 'E07000039')?.volume).toBe(6267);
    expect(figures.find((r) => r.areaCode === 'E23000018')?.volume).toBe(84621);

    const letters = await f.deadLetters(f.topics.deadLetter);
    expect(letters.map((l) => [l.reason, l.key, l.source.topic, l.source.offset])).toEqual([
      ['not-json', 'E07000039', f.topics.records, '0'],
      ['schema', 'E07000039', f.topics.records, '1'],
    ]);
    expect(letters[0]!.value).toBe('this is not json');
    expect(letters[1]!.error).toMatch(/category/);

    const before = await stored();
    await f.stopConsumers();
    const admin = f.t.kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: f.t.groupId, topic: f.topics.records, earliest: true });
    await admin.disconnect();
    expect(await caughtUp(f.t.kafka, f.t.groupId, f.topics.records)).toBe(false);
    await f.start();
    await f.caughtUp(f.topics.records);
    expect(await stored()).toEqual(before);
  });
});
