import { MonthlyRecordSchema, PopulationRecordSchema } from '@crimestats/contracts';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { consumerFixture, type ConsumerFixture } from './testing/consumer-fixture.ts';
import { planRecords } from './testing/plan-records.ts';

// Messages that can never succeed, including ones that parse and fail later (unknown to the
// reference data, refused by the store), each go to their topic's dead-letter topic once, and the
// records after them on the same partition are still stored and figured.

const KEY = 'E07000039';

describe('aggregator consumer with poison messages among good ones', () => {
  let f: ConsumerFixture;
  beforeEach(async () => {
    f = await consumerFixture(inject('kafkaBrokers'), inject('clickhouseUrl'));
  });
  afterEach(async () => f?.cleanup());

  it('dead-letters each poison message once with its reason, and stores and figures the rest', async () => {
    const records = planRecords();
    const good = records[0]!;
    const poison = (change: Record<string, unknown>) =>
      JSON.stringify({ ...MonthlyRecordSchema.parse(good), ...change });
    const oversized = '\u0001'.repeat(300_000);
    const poisons: { value: string; reason: string; error: RegExp }[] = [
      { value: poison({ month: '0025-12' }), reason: 'schema', error: /^month: expected a month/ },
      { value: poison({ month: '2025-13' }), reason: 'schema', error: /^month: / },
      { value: poison({ areaCode: 'E07000099' }), reason: 'unknown-area', error: /E07000099/ },
      { value: poison({ areaCode: 'E10000007' }), reason: 'unknown-area', error: /E10000007/ },
      {
        value: poison({ category: 'no-such-crime' }),
        reason: 'unknown-category',
        error: /no-such-crime/,
      },
      {
        value: poison({ source: { kind: 'monthly-counts', file: 'bad \ud800 name.csv' } }),
        reason: 'unprocessable',
        error: /surrogate/i,
      },
      {
        value: poison({ month: '2199-11', months: 3 }),
        reason: 'schema',
        error: /2199-12/,
      },
      { value: 'this is not json', reason: 'not-json', error: /JSON/ },
      { value: oversized, reason: 'not-json', error: /cut/ },
    ];
    const encode = (r: (typeof records)[number]) => ({
      key: KEY,
      value: JSON.stringify(MonthlyRecordSchema.parse(r)),
    });
    // One key, so one partition, each poison between good records: the one the store refuses is
    // in the middle of a run of good records that is stored together.
    const messages: { key: string; value: string }[] = [];
    const offsets: string[] = [];
    const chunk = Math.ceil(records.length / (poisons.length + 1));
    poisons.forEach((p, i) => {
      messages.push(...records.slice(i * chunk, (i + 1) * chunk).map(encode));
      offsets.push(String(messages.length));
      messages.push({ key: KEY, value: p.value });
    });
    messages.push(...records.slice(poisons.length * chunk).map(encode));
    await f.send(f.topics.records, messages);
    const population = PopulationRecordSchema.parse({
      areaCode: KEY,
      year: 2025,
      population: 108_000,
      source: { file: 'populations.csv' },
      revision: 1,
      batchId: good.batchId,
    });
    await f.send(f.topics.populations, [
      { key: 'E07000099', value: JSON.stringify({ ...population, areaCode: 'E07000099' }) },
      { key: KEY, value: 'not a population' },
      { key: KEY, value: JSON.stringify(population) },
    ]);

    const { consumer, metrics } = await f.start();
    await f.caughtUp(f.topics.records);
    await f.caughtUp(f.topics.populations);
    expect(consumer.ready()).toBe(true);

    const letters = await f.deadLetters(f.topics.deadLetter);
    expect(letters.map((l) => l.reason)).toEqual(poisons.map((p) => p.reason));
    letters.forEach((letter, i) => {
      expect(letter.error).toMatch(poisons[i]!.error);
      expect(letter.key).toBe(KEY);
      expect(letter.source.topic).toBe(f.topics.records);
      expect(letter.source.offset).toBe(offsets[i]);
      if (i < poisons.length - 1) expect(letter.value).toBe(poisons[i]!.value);
    });
    expect(letters.at(-1)!.value).toBe(oversized.slice(0, 100_000));

    const populationLetters = await f.deadLetters(f.topics.populationsDeadLetter);
    expect(populationLetters.map((l) => [l.reason, l.source.offset])).toEqual([
      ['unknown-area', '0'],
      ['not-json', '1'],
    ]);
    expect(await f.store.populations.all()).toEqual([
      expect.objectContaining({ areaCode: KEY, year: 2025, population: 108_000 }),
    ]);

    const figures = await f.store.figures.read({
      category: 'total-recorded-crime',
      months: 12,
      periodEnd: '2025-12',
    });
    expect(figures.find((r) => r.areaCode === KEY)?.volume).toBe(6267);
    expect(figures.find((r) => r.areaCode === 'E23000018')?.volume).toBe(84621);
    // Nothing the reference data does not know reached the store.
    const stored = await f.db.client.query({
      query: 'SELECT DISTINCT area_code, category, month FROM monthly_records',
      format: 'JSONEachRow',
    });
    const cells = await stored.json<{ area_code: string; category: string; month: string }>();
    expect(cells.length).toBe(
      new Set(records.map((r) => `${r.areaCode}|${r.category}|${r.month}`)).size,
    );
    const counted = await metrics.registry.getSingleMetricAsString(
      'crimestats_aggregator_dead_letters_total',
    );
    expect(counted).toContain('reason="unknown-area"} 2');
  });
});
