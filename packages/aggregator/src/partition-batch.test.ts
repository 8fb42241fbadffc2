import type { Publisher } from '@crimestats/kafka';
import type { EachBatchPayload, KafkaMessage } from 'kafkajs';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aggregatorMetrics } from './metrics.ts';
import { handlePartitionBatch, type TopicHandling } from './partition-batch.ts';
import { PartitionHealth } from './partition-health.ts';

const ValueSchema = z.object({ areaCode: z.string() });
type Value = z.infer<typeof ValueSchema>;

/** One partition's batch of messages, as kafkajs hands it over, recording what is committed. */
function batchOf(values: unknown[]) {
  const messages = values.map(
    (value, i) =>
      ({
        offset: String(i),
        key: Buffer.from('k'),
        value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
        timestamp: '0',
        attributes: 0,
        headers: {},
      }) as KafkaMessage,
  );
  const payload = {
    batch: {
      topic: 'records',
      partition: 0,
      messages,
      firstOffset: () => '0',
      lastOffset: () => String(messages.length - 1),
      offsetLag: () => '0',
    },
    resolveOffset: () => {},
    heartbeat: async () => {},
    isRunning: () => true,
    isStale: () => false,
  } as unknown as EachBatchPayload;
  return payload;
}

/** A topic's handling whose reference knows `known`, and a reload that may add to it. */
function setUp(known: string[], loadedLater: string[]) {
  const areas = new Set(known);
  const stored: Value[] = [];
  const dead: unknown[] = [];
  const committed: string[] = [];
  let reloads = 0;
  const handling: TopicHandling<Value> = {
    schema: ValueSchema,
    refuse: (value) =>
      areas.has(value.areaCode)
        ? undefined
        : { reason: 'unknown-area', error: `areaCode: ${value.areaCode}` },
    process: async (values) => {
      stored.push(...values);
      return { records: values.length, figures: 0, updates: 0, recomputeMs: 0 };
    },
    deadLetterTopic: 'dlq',
    reloadReference: async () => {
      reloads++;
      const before = areas.size;
      for (const code of loadedLater) areas.add(code);
      return areas.size !== before;
    },
  };
  const deps = {
    publisher: {
      publish: async (_topic: string, _schema: unknown, messages: { value: unknown }[]) => {
        dead.push(...messages.map((m) => m.value));
      },
    } as unknown as Publisher,
    commit: async (_source: unknown, offset: string) => {
      committed.push(offset);
    },
    logger: pino({ level: 'silent' }),
    metrics: aggregatorMetrics(),
    health: new PartitionHealth(60_000),
    retry: {},
    stopping: () => false,
  };
  return { handling, deps, stored, dead, committed, reloads: () => reloads };
}

describe('a partition batch with records the reference does not know', () => {
  it('reads the reference again once, and stores what it now knows', async () => {
    const t = setUp(['E07000039'], ['E07000901']);
    await handlePartitionBatch(
      batchOf([{ areaCode: 'E07000039' }, { areaCode: 'E07000901' }, { areaCode: 'E07000901' }]),
      t.handling,
      t.deps,
    );
    expect(t.reloads()).toBe(1);
    expect(t.stored.map((v) => v.areaCode)).toEqual(['E07000039', 'E07000901', 'E07000901']);
    expect(t.dead).toEqual([]);
    expect(t.committed).toEqual(['3']);
  });

  it('dead-letters what is still unknown after the reload, storing the rest', async () => {
    const t = setUp(['E07000039'], ['E07000901']);
    await handlePartitionBatch(
      batchOf([{ areaCode: 'E07000901' }, { areaCode: 'E99999999' }, { areaCode: 'E07000039' }]),
      t.handling,
      t.deps,
    );
    expect(t.reloads()).toBe(1);
    expect(t.stored.map((v) => v.areaCode)).toEqual(['E07000901', 'E07000039']);
    expect(t.dead).toMatchObject([{ reason: 'unknown-area', error: 'areaCode: E99999999' }]);
    expect(t.committed).toEqual(['1', '2', '3']);
  });

  it('does not read the reference for a batch it knows, nor for messages that do not decode', async () => {
    const t = setUp(['E07000039'], []);
    await handlePartitionBatch(
      batchOf([{ areaCode: 'E07000039' }, 'not json']),
      t.handling,
      t.deps,
    );
    expect(t.reloads()).toBe(0);
    expect(t.dead).toMatchObject([{ reason: 'not-json' }]);
  });
});

describe('a partition batch after a reference load', () => {
  it('checks the reference before reading the batch, so the load counts from this batch on', async () => {
    const t = setUp(['E07000039'], []);
    const order: string[] = [];
    const { process } = t.handling;
    t.handling.refreshReference = async () => {
      order.push('refresh');
      return false;
    };
    t.handling.process = async (values) => {
      order.push('process');
      return process(values);
    };
    await handlePartitionBatch(batchOf([{ areaCode: 'E07000039' }]), t.handling, t.deps);
    await handlePartitionBatch(batchOf([{ areaCode: 'E07000039' }]), t.handling, t.deps);
    expect(order).toEqual(['refresh', 'process', 'refresh', 'process']);
    expect(t.reloads()).toBe(0);
  });

  it('processes a batch again when a load was stored while it was processed, then commits', async () => {
    const t = setUp(['E07000039'], []);
    const order: string[] = [];
    const { process } = t.handling;
    t.handling.process = async (values) => {
      order.push('process');
      return process(values);
    };
    // A load lands while the first batch is processed, none while the second is.
    let loads = 1;
    t.handling.recheckReference = async () => {
      order.push('recheck');
      return loads-- > 0;
    };
    await handlePartitionBatch(batchOf([{ areaCode: 'E07000039' }]), t.handling, t.deps);
    expect(order).toEqual(['process', 'recheck', 'process', 'recheck']);
    expect(t.committed).toEqual(['1']);
    order.length = 0;
    await handlePartitionBatch(batchOf([{ areaCode: 'E07000039' }]), t.handling, t.deps);
    expect(order).toEqual(['process', 'recheck']);
  });
});
