import { describe, expect, it } from 'vitest';
import { describeStuck, PartitionHealth } from './partition-health.ts';

describe('PartitionHealth', () => {
  const make = () => {
    let now = 0;
    const health = new PartitionHealth(60_000, () => now);
    return { health, advance: (ms: number) => (now += ms) };
  };

  it('reports a partition stuck once it has failed, without a commit, for the time allowed', () => {
    const { health, advance } = make();
    health.failed('records', 3, new Error('connect ECONNREFUSED'));
    advance(59_999);
    expect(health.failed('records', 3, new Error('socket hang up'))).toBe(59_999);
    expect(health.stuck()).toEqual([]);
    advance(1);
    expect(health.stuck()).toEqual([
      { topic: 'records', partition: 3, failingForMs: 60_000, lastError: 'socket hang up' },
    ]);
    expect(describeStuck(health.stuck())).toBe(
      'records partition 3 stuck for 60 s without a commit; last error: socket hang up',
    );
  });

  it('counts from the first failure after a commit, so a slow batch is never stuck', () => {
    const { health, advance } = make();
    health.failed('records', 0, new Error('down'));
    advance(50_000);
    health.committed('records', 0);
    health.failed('records', 0, new Error('down again'));
    advance(50_000);
    expect(health.stuck()).toEqual([]);
    expect(describeStuck(health.stuck())).toBeUndefined();
  });

  it('forgets partitions a rebalance took away, and names every stuck one', () => {
    const { health, advance } = make();
    health.failed('records', 1, new Error('a'));
    health.failed('records', 2, new Error('b'));
    health.failed('populations', 0, new Error('c'));
    advance(60_000);
    health.assigned({ records: [2], populations: [0] });
    expect(health.stuck().map((s) => `${s.topic}/${s.partition}`)).toEqual([
      'populations/0',
      'records/2',
    ]);
  });
});
