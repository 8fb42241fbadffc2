import { defaultReference, parseMonth } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { monthRange } from '@crimestats/domain';
import { batches, endsPlan, forcePlans, workUnits } from './recompute-plan.ts';

describe('recompute plan', () => {
  it('batches items in order within a budget, an oversized item alone', () => {
    const weight = (run: readonly number[]) => run.reduce((a, b) => a + b, 0);
    expect(batches([3, 3, 3, 9, 1, 1], 6, weight)).toEqual([[3, 3], [3], [9], [1, 1]]);
    expect(batches([], 6, weight)).toEqual([]);
  });

  it('plans the months a set of period ends reads', () => {
    const ends = ['2025-12', '2025-01', '2025-06', '2025-01'].map(parseMonth);
    expect(endsPlan(ends, 12)).toEqual({
      ends: ['2025-01', '2025-06', '2025-12'],
      first: '2025-01',
      last: '2025-12',
      fromMonth: '2022-12',
      monthsRead: 37,
      endSpan: 12,
    });
    expect(endsPlan([], 12)).toBeUndefined();
  });

  it("counts a force's CSP areas and the areas it has figures for", () => {
    expect(forcePlans(defaultReference.areas, ['E23000018', 'E23000018'])).toEqual([
      {
        code: 'E23000018',
        csps: defaultReference.areas.cspAreas().map((a) => a.code),
        figureAreas: 11,
      },
    ]);
  });

  it('groups categories while one fits the budget, else cuts each into runs of ends', () => {
    const plan = endsPlan(monthRange(parseMonth('2025-01'), parseMonth('2025-12')), 12)!;
    // 10 areas × 12 ends = 120 rows a category.
    expect(workUnits(['a', 'b', 'c'], plan, 10, 250)).toEqual([
      { categories: ['a', 'b'], ends: plan.ends },
      { categories: ['c'], ends: plan.ends },
    ]);
    const runs = workUnits(['a', 'b'], plan, 10, 50);
    expect(runs.map((u) => [u.categories, u.ends.length])).toEqual([
      [['a'], 5],
      [['a'], 5],
      [['a'], 2],
      [['b'], 5],
      [['b'], 5],
      [['b'], 2],
    ]);
    expect(runs.slice(0, 3).flatMap((u) => u.ends)).toEqual(plan.ends);
  });
});
