import type { StoredDelivery } from '@crimestats/store';
import { describe, expect, it } from 'vitest';
import { Scheduler, type Held } from './scheduler.ts';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

const delivery = (id: string, dueAt: number, createdAt = NOW - 60_000): StoredDelivery => ({
  id,
  eventId: 'evt_1',
  subscriptionId: 'sub_a',
  area: 'E07000039',
  status: 'pending',
  attempts: 0,
  nextAttemptAt: iso(dueAt),
  lastError: null,
  createdAt: iso(createdAt),
  updatedAt: iso(createdAt),
  version: 1,
});

/** A scheduler on a fixed clock whose runs wait until the test finishes them. */
function scheduler(concurrency: number) {
  const runs: Held[] = [];
  const finish = new Map<string, () => void>();
  const s = new Scheduler({
    concurrency,
    clock: () => NOW,
    run: (held) => {
      runs.push(held);
      return new Promise<void>((resolve) => finish.set(held.delivery.id, resolve));
    },
  });
  return { s, runs, finish };
}

describe('the scheduler', () => {
  it('runs nothing until activated, then what is due, earliest first, up to the limit', () => {
    const { s, runs } = scheduler(2);
    s.hold(delivery('late', NOW + 1_000));
    s.hold(delivery('b', NOW - 10));
    s.hold(delivery('a', NOW - 20));
    s.hold(delivery('c', NOW));
    s.pump();
    expect(runs).toEqual([]);
    s.activate(true);
    expect(runs.map((h) => h.delivery.id)).toEqual(['a', 'b']);
    expect(s.size).toBe(4);
    s.activate(false);
  });

  it('frees a place when a send is over, and lets go of a settled delivery', async () => {
    const { s, runs, finish } = scheduler(1);
    s.hold(delivery('a', NOW - 2));
    s.hold(delivery('b', NOW - 1));
    s.activate(true);
    expect(runs.map((h) => h.delivery.id)).toEqual(['a']);
    s.sent();
    expect(runs.map((h) => h.delivery.id)).toEqual(['a', 'b']);
    s.settle(runs[0]!, { ...runs[0]!.delivery, status: 'delivered', nextAttemptAt: null });
    finish.get('a')!();
    expect(s.size).toBe(1);
    await Promise.resolve();
    s.activate(false);
  });

  it('never runs a delivery twice at once, however often it is held', () => {
    const { s, runs } = scheduler(4);
    const d = delivery('a', NOW - 1);
    s.hold(d);
    s.hold(d);
    s.activate(true);
    s.hold({ ...d, nextAttemptAt: iso(NOW - 100) });
    s.pump();
    expect(runs).toHaveLength(1);
    s.activate(false);
  });

  it('holds a delivery still pending for its next time, and runs it once due', () => {
    const { s, runs } = scheduler(4);
    s.hold(delivery('a', NOW - 1));
    s.activate(true);
    s.sent();
    const next = { ...runs[0]!.delivery, attempts: 1, version: 2, nextAttemptAt: iso(NOW + 500) };
    s.settle(runs[0]!, next);
    expect(runs).toHaveLength(1);
    expect(s.size).toBe(1);
    // Not settled by a state (the store could not be read): again at the time given.
    const again = scheduler(4);
    again.s.hold(delivery('b', NOW - 1));
    again.s.activate(true);
    again.s.sent();
    again.s.settle(again.runs[0]!, undefined, NOW - 1);
    expect(again.runs.map((h) => h.delivery.id)).toEqual(['b', 'b']);
    s.activate(false);
    again.s.activate(false);
  });

  it('tells the event time of the oldest delivery held', () => {
    const { s } = scheduler(1);
    expect(s.oldestCreatedAtMs()).toBeUndefined();
    s.hold(delivery('a', NOW + 1, NOW - 5_000));
    s.hold(delivery('b', NOW + 1, NOW - 9_000));
    expect(s.oldestCreatedAtMs()).toBe(NOW - 9_000);
  });

  it('refuses a concurrency below one', () => {
    expect(() => new Scheduler({ concurrency: 0, clock: () => NOW, run: async () => {} })).toThrow(
      RangeError,
    );
  });
});
