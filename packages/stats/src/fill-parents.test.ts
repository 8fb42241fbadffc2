import { parseMonth, type MonthlyCount } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { CategoryResolver } from './category-resolver.ts';
import { CountIndex } from './count-index.ts';
import { fillParentCategories } from './fill-parents.ts';
import { TINY, tinyReference } from './testing/tiny-reference.ts';

const { categories } = tinyReference();
const jan = parseMonth('2025-01');
const feb = parseMonth('2025-02');
const count = (category: string, value: number, month = jan, areaCode: string = TINY.a) =>
  ({ areaCode, category, month, count: value }) satisfies MonthlyCount;
const resolve = (records: MonthlyCount[], category: string, month = jan) =>
  new CategoryResolver(CountIndex.fromRecords(records), categories).countFor(
    TINY.a,
    category,
    month,
  );

describe('the parent rule', () => {
  it('derives a parent as the sum of its children when not supplied', () => {
    expect(resolve([count('theft', 3), count('damage', 4)], 'total')).toBe(7);
  });

  it('uses a supplied parent as supplied, whatever its children say', () => {
    expect(resolve([count('total', 10), count('theft', 3), count('damage', 4)], 'total')).toBe(10);
  });

  it('sums only the children that have a value, and is missing when none has', () => {
    expect(resolve([count('theft', 3)], 'total')).toBe(3);
    expect(resolve([count('theft', 3)], 'total', feb)).toBeUndefined();
    expect(resolve([count('theft', 0)], 'total')).toBe(0);
  });

  it('is complete for a month only when every derivation child has a record for it', () => {
    const resolver = (records: MonthlyCount[]) =>
      new CategoryResolver(CountIndex.fromRecords(records), categories);
    expect(resolver([count('theft', 3), count('damage', 0)]).resolve(TINY.a, 'total', jan)).toEqual(
      { count: 3, complete: true },
    );
    expect(resolver([count('theft', 3)]).resolve(TINY.a, 'total', jan)).toEqual({
      count: 3,
      complete: false,
    });
    expect(resolver([count('total', 9)]).resolve(TINY.a, 'total', jan)).toEqual({
      count: 9,
      complete: true,
    });
    expect(resolver([]).resolve(TINY.a, 'total', jan)).toBeUndefined();
  });

  it('never derives a supplied-only parent from a partial list of subgroups', () => {
    expect(resolve([count('arson', 2)], 'damage')).toBeUndefined();
    expect(resolve([count('arson', 2), count('theft', 1)], 'total')).toBe(1);
  });

  it('counts a subgroup once, through its supplied parent only', () => {
    expect(resolve([count('arson', 2), count('damage', 5), count('theft', 1)], 'total')).toBe(6);
  });

  it('keeps anti-social behaviour out of the total', () => {
    expect(resolve([count('asb', 50), count('theft', 1)], 'total')).toBe(1);
  });

  it('passes unknown categories through as supplied', () => {
    expect(resolve([count('mystery', 2)], 'mystery')).toBe(2);
    expect(resolve([], 'mystery')).toBeUndefined();
  });
});

describe('fillParentCategories', () => {
  it('adds a record for each derivable parent, per area and month', () => {
    const supplied = [
      count('theft', 3),
      count('damage', 4),
      count('theft', 1, feb),
      count('total', 9, feb, TINY.b),
      count('theft', 2, feb, TINY.b),
    ];
    expect(fillParentCategories(supplied, categories)).toEqual([
      ...supplied,
      count('total', 7),
      count('total', 1, feb),
    ]);
  });

  it('adds nothing when there is nothing to derive', () => {
    const supplied = [count('asb', 5), count('arson', 1)];
    expect(fillParentCategories(supplied, categories)).toEqual(supplied);
  });
});
