import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Partitioners } from 'kafkajs';
import { createTestTopics, type TestTopics } from '@crimestats/testkit';

describe('real Kafka broker', () => {
  let t: TestTopics;
  beforeAll(async () => {
    t = await createTestTopics(inject('kafkaBrokers'), ['smoke'], 3);
  });
  afterAll(async () => t?.cleanup());

  it('carries a keyed message to a consumer group that commits its offset', async () => {
    const topic = t.topics.smoke!;
    const producer = t.kafka.producer({
      allowAutoTopicCreation: false,
      idempotent: true,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    await producer.send({
      topic,
      messages: [{ key: 'E07000039', value: 'hello south derbyshire' }],
    });
    await producer.disconnect();

    const consumer = t.kafka.consumer({
      groupId: t.groupId,
      sessionTimeout: 6000,
      allowAutoTopicCreation: false,
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = await new Promise<{
      key: string;
      value: string;
      partition: number;
      offset: string;
    }>((resolve) => {
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ message, partition }) => {
          await consumer.commitOffsets([
            { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
          ]);
          resolve({
            key: message.key!.toString(),
            value: message.value!.toString(),
            partition,
            offset: message.offset,
          });
        },
      });
    });
    await consumer.disconnect();
    expect(received.key).toBe('E07000039');
    expect(received.value).toBe('hello south derbyshire');

    const admin = t.kafka.admin();
    await admin.connect();
    const committed = await admin.fetchOffsets({ groupId: t.groupId, topics: [topic] });
    await admin.disconnect();
    const partitionOffset = committed[0]!.partitions.find(
      (p) => p.partition === received.partition,
    );
    expect(partitionOffset?.offset).toBe((Number(received.offset) + 1).toString());
  });
});
