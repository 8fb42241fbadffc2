import { describe, expect, it } from 'vitest';
import { defaultCategories } from './default-reference.ts';
import { PLAN_CATEGORIES, PLAN_CATEGORY_CODES } from './plan-categories.ts';

describe('the plan categories', () => {
  it('are categories of the reference data, once each', () => {
    expect(PLAN_CATEGORY_CODES.filter((code) => !defaultCategories.byCode(code))).toEqual([]);
    expect(new Set(PLAN_CATEGORY_CODES).size).toBe(PLAN_CATEGORIES.length);
  });

  it('have short titles a worksheet tab can hold', () => {
    for (const { shortTitle } of PLAN_CATEGORIES) {
      expect(shortTitle.length).toBeLessThanOrEqual(31);
      expect(shortTitle).not.toMatch(/[[\]:*?/\\]/);
    }
  });
});
