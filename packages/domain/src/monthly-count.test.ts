import { describe, expect, it } from 'vitest';
import { MonthlyCountSchema } from './monthly-count.ts';

const valid = { areaCode: 'E07000039', category: 'shoplifting', month: '2025-12', count: 0 };

describe('MonthlyCountSchema', () => {
  it('accepts a count, an explicit zero included', () => {
    expect(MonthlyCountSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    { ...valid, count: -1 },
    { ...valid, count: 1.5 },
    { ...valid, month: '2025-13' },
    { ...valid, areaCode: 'Derby' },
    { ...valid, category: '' },
  ])('refuses %j', (row) => {
    expect(MonthlyCountSchema.safeParse(row).success).toBe(false);
  });
});
