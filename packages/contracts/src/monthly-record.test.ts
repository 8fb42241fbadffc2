import { describe, expect, it } from 'vitest';
import { MonthlyRecordSchema } from './monthly-record.ts';

const record = (month: string, months: 1 | 3) => ({
  areaCode: 'E07000039',
  category: 'vehicle-crime',
  month,
  months,
  count: 5,
  source: { kind: 'home-office-csp', file: 'csp.csv' },
  revision: 1,
  batchId: '00000000-0000-4000-8000-000000000000',
});

describe('MonthlyRecordSchema', () => {
  it('takes a span that ends by 2199-12', () => {
    expect(MonthlyRecordSchema.safeParse(record('2199-12', 1)).success).toBe(true);
    expect(MonthlyRecordSchema.safeParse(record('2199-10', 3)).success).toBe(true);
    expect(MonthlyRecordSchema.safeParse(record('1900-01', 3)).success).toBe(true);
  });

  it('refuses a quarter that runs past 2199-12, naming the field and the limit', () => {
    // Every month it spans must be a month, or its figures could not be computed.
    const parsed = MonthlyRecordSchema.safeParse(record('2199-11', 3));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ['months'], message: expect.stringContaining('2199-12') }),
    ]);
  });

  it('reports a bad month of a quarter as the month, without throwing', () => {
    const parsed = MonthlyRecordSchema.safeParse({ ...record('0025-12', 3), count: -1 });
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([['month'], ['count']]);
  });
});
