import type { FiguresUpdated } from '@crimestats/contracts';
import { describe, expect, it } from 'vitest';
import { Coalescer } from './coalescer.ts';

const notice = (category: string): FiguresUpdated => ({
  areaCode: 'E07000039',
  category,
  months: 12,
  periodEnd: '2025-12',
  before: null,
  after: {
    volume: 1,
    ratePer1000: null,
    rank: null,
    previousVolume: null,
    percentChange: null,
    complete: true,
  },
  changed: ['volume'],
  computedAt: '2026-01-01T00:00:00.000Z',
});

describe('Coalescer', () => {
  it('holds a partition until it has been quiet, then hands over every notice once', () => {
    const c = new Coalescer({ quietMs: 100, maxHoldMs: 1000 });
    expect(c.nextDueAt()).toBeUndefined();
    c.add(0, 5, [notice('burglary')], 0);
    c.add(0, 6, [notice('robbery')], 50);
    expect(c.nextDueAt()).toBe(150);
    expect(c.takeDue(149)).toEqual([]);
    const [batch] = c.takeDue(150);
    expect(batch?.lastOffset).toBe(6);
    expect(batch?.notices.map((n) => n.category)).toEqual(['burglary', 'robbery']);
    expect(c.takeDue(10_000)).toEqual([]);
    expect(c.size).toBe(0);
  });

  it('flushes a partition that never goes quiet at the hold limit', () => {
    const c = new Coalescer({ quietMs: 100, maxHoldMs: 250 });
    for (let t = 0; t <= 240; t += 60) c.add(1, t, [notice('burglary')], t);
    expect(c.nextDueAt()).toBe(250);
    const [batch] = c.takeDue(250);
    expect(batch?.notices).toHaveLength(5);
    expect(batch?.lastOffset).toBe(240);
  });

  it('keeps partitions apart, so each is committed on its own', () => {
    const c = new Coalescer({ quietMs: 100, maxHoldMs: 1000 });
    c.add(0, 1, [notice('burglary')], 0);
    c.add(1, 9, [notice('robbery')], 80);
    expect(c.takeDue(100).map((b) => b.partition)).toEqual([0]);
    expect(c.takeDue(Infinity).map((b) => [b.partition, b.lastOffset])).toEqual([[1, 9]]);
  });

  it('forgets a revoked partition', () => {
    const c = new Coalescer({ quietMs: 100, maxHoldMs: 1000 });
    c.add(3, 1, [notice('burglary')], 0);
    c.drop(3);
    expect(c.takeDue(Infinity)).toEqual([]);
  });
});
