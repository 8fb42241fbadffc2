import type { DeliveryAttempt } from '@crimestats/contracts';
import type { StoredDelivery } from '@crimestats/store';
import { describe, expect, it } from 'vitest';
import { RecordWriter } from './record-writer.ts';

const attempt = (n: number): DeliveryAttempt => ({
  deliveryId: `msg_${n}`,
  subscriptionId: 'sub_a',
  attempt: 1,
  attemptedAt: '2026-01-01T00:00:00.000Z',
  outcome: 'delivered',
  statusCode: 204,
  durationMs: 3,
  error: null,
});
const state = (n: number) => ({ id: `msg_${n}` }) as StoredDelivery;

/** A repository that records each insert, failing while `failing` is set. */
function fakeRepo() {
  const calls: Array<['attempts' | 'states', string[]]> = [];
  const repo = {
    failing: false,
    calls,
    recordAttempts: async (rows: readonly DeliveryAttempt[]) => {
      if (repo.failing) throw new Error('ClickHouse unavailable');
      calls.push(['attempts', rows.map((r) => r.deliveryId)]);
    },
    saveStates: async (rows: readonly StoredDelivery[]) => {
      if (repo.failing) throw new Error('ClickHouse unavailable');
      calls.push(['states', rows.map((r) => r.id)]);
    },
  };
  return repo;
}

describe('the record writer', () => {
  it('writes what waits as one insert of attempts, then one of states', async () => {
    const repo = fakeRepo();
    const writer = new RecordWriter(repo, { maxWaitMs: 60_000 });
    const writes = [1, 2, 3].map((n) => writer.write([attempt(n)], [state(n)]));
    const cancelled = writer.write([], [state(4)]);
    expect(repo.calls).toEqual([]);
    await writer.flush();
    await Promise.all([...writes, cancelled]);
    expect(repo.calls).toEqual([
      ['attempts', ['msg_1', 'msg_2', 'msg_3']],
      ['states', ['msg_1', 'msg_2', 'msg_3', 'msg_4']],
    ]);
  });

  it('writes at once when a batch is full', async () => {
    const repo = fakeRepo();
    const writer = new RecordWriter(repo, { maxRows: 4, maxWaitMs: 60_000 });
    const first = writer.write([attempt(1)], [state(1)]);
    const second = writer.write([attempt(2)], [state(2)]);
    await Promise.all([first, second]);
    expect(repo.calls.map(([what, ids]) => [what, ids.length])).toEqual([
      ['attempts', 2],
      ['states', 2],
    ]);
  });

  it('writes a batch after its wait without being asked', async () => {
    const repo = fakeRepo();
    const writer = new RecordWriter(repo, { maxWaitMs: 1 });
    await writer.write([attempt(1)], [state(1)]);
    expect(repo.calls).toHaveLength(2);
  });

  it('rejects every write of a batch that failed, and writes the next batch anew', async () => {
    const repo = fakeRepo();
    const writer = new RecordWriter(repo, { maxWaitMs: 60_000 });
    repo.failing = true;
    const failed = [writer.write([attempt(1)], [state(1)]), writer.write([attempt(2)], [])];
    void writer.flush();
    for (const write of failed) await expect(write).rejects.toThrow('ClickHouse unavailable');
    repo.failing = false;
    const again = writer.write([attempt(1)], [state(1)]);
    await writer.flush();
    await again;
    expect(repo.calls).toEqual([
      ['attempts', ['msg_1']],
      ['states', ['msg_1']],
    ]);
  });

  it('does nothing when flushed empty', async () => {
    const repo = fakeRepo();
    await new RecordWriter(repo).flush();
    expect(repo.calls).toEqual([]);
  });
});
