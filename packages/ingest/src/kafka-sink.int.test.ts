import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pino from 'pino';
import { Publisher } from '@crimestats/kafka';
import { MonthlyRecordSchema, type MonthlyRecord } from '@crimestats/contracts';
import { defaultAreas, defaultCategories } from '@crimestats/domain';
import { createTestTopics, type TestTopics } from '@crimestats/testkit';
import { ingestSource } from './ingest-source.ts';
import { ensureIngestTopics, kafkaIngestSink, type IngestTopicNames } from './kafka-sink.ts';
import { expandInputs } from './sources.ts';
import { writePoliceUkFile } from './testing/generate-police-uk.ts';
import { tempFolder } from './testing/temp-files.ts';

const logger = pino({ level: 'silent' });

async function consumeAll(t: TestTopics, topic: string, expected: number) {
  const consumer = t.kafka.consumer({ groupId: `${t.groupId}-${topic}`, sessionTimeout: 6000 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const got: { key: string; partition: number; record: MonthlyRecord }[] = [];
  await new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message, partition }) => {
        got.push({
          key: message.key!.toString(),
          partition,
          record: MonthlyRecordSchema.parse(JSON.parse(message.value!.toString())),
        });
        if (got.length >= expected) resolve();
      },
    });
  });
  await consumer.disconnect();
  return got;
}

describe('ingestion onto the real broker', () => {
  let t: TestTopics;
  let topics: IngestTopicNames;
  let publisher: Publisher;
  beforeAll(async () => {
    t = await createTestTopics(inject('kafkaBrokers'), ['records', 'populations']);
    topics = { records: t.topics.records!, populations: t.topics.populations! };
    await ensureIngestTopics(t.kafka, logger, topics);
    publisher = await Publisher.connect(t.kafka, logger);
  });
  afterAll(async () => {
    await publisher?.disconnect();
    await t?.cleanup();
  });

  it('publishes every area and category of the month keyed by force, and a re-ingest publishes the same counts', async () => {
    const files = tempFolder();
    const path = `${files.dir}/2025-03-derbyshire-street.csv`;
    const generated = await writePoliceUkFile(path, { rows: 5000, month: '2025-03', seed: 7 });
    const [source] = await expandInputs([path]);
    const options = {
      areas: defaultAreas,
      categories: defaultCategories,
      force: defaultAreas.get('E23000018'),
      sink: kafkaIngestSink(publisher, topics),
    };
    const first = await ingestSource(source!, options);
    const second = await ingestSource(source!, options);
    expect(first.status).toBe('accepted');
    expect(second.status).toBe('accepted');
    expect(first.records).toBe(9 * 14);
    expect(first.unmapped).toEqual({
      'no-lsoa': generated.noLsoa,
      'outside-force': generated.outsideForce,
    });

    const messages = await consumeAll(t, topics.records, 2 * 9 * 14);
    expect(messages).toHaveLength(2 * 9 * 14);
    // One force, one partition: the instance that owns the force sees all of its records, in order.
    for (const m of messages) expect(m.key).toBe('E23000018');
    expect(new Set(messages.map((m) => m.partition)).size).toBe(1);

    const countsOf = (batchId: string) =>
      new Map(
        messages
          .filter((m) => m.record.batchId === batchId)
          .map((m) => [`${m.record.areaCode}|${m.record.category}`, m.record.count]),
      );
    const firstCounts = countsOf(first.batchId);
    expect(countsOf(second.batchId)).toEqual(firstCounts);
    const nameOf = (code: string) => defaultAreas.get(code).name;
    for (const [key, count] of generated.counts) {
      const [areaName, type] = key.split('|') as [string, string];
      const area = defaultAreas.cspAreas().find((a) => nameOf(a.code) === areaName)!;
      const category = defaultCategories.byLabel(type)!;
      expect(firstCounts.get(`${area.code}|${category.code}`)).toBe(count);
    }
  });
});
