import { EARLIEST_PERIOD_END } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import {
  AreaCodeParamSchema,
  CategoryCodeParamSchema,
  PeriodEndParamSchema,
  WindowMonthsParamSchema,
  trendRangeProblem,
} from './report-params.ts';

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe('report parameters', () => {
  it('takes a period end as YYYY-MM whose windows start from 1900-01, saying what it got otherwise', () => {
    expect(PeriodEndParamSchema.parse('2025-12')).toBe('2025-12');
    expect(EARLIEST_PERIOD_END).toBe('1909-12');
    expect(PeriodEndParamSchema.parse('1909-12')).toBe('1909-12');
    for (const bad of [
      '2025-13',
      '1909-11',
      '1899-12',
      '0999-01',
      '2025-1',
      ' 2025-12',
      '2025-12-01',
    ]) {
      expect(firstMessage(PeriodEndParamSchema.safeParse(bad))).toBe(
        `expected a month as YYYY-MM from 1909-12 on (e.g. 2025-12), got "${bad}"`,
      );
    }
    expect(firstMessage(PeriodEndParamSchema.safeParse(undefined))).toBe('is required');
    expect(firstMessage(PeriodEndParamSchema.safeParse(['2025-11', '2025-12']))).toBe(
      'expected one value, got 2',
    );
  });

  it('echoes long input only in part', () => {
    const message = firstMessage(PeriodEndParamSchema.safeParse('9'.repeat(1000)));
    expect(message?.length).toBeLessThan(120);
    expect(message).toMatch(/…"$/);
  });

  it('takes a window of 1 to 60 months, 12 by default', () => {
    expect(WindowMonthsParamSchema.parse(undefined)).toBe(12);
    expect(WindowMonthsParamSchema.parse('1')).toBe(1);
    expect(WindowMonthsParamSchema.parse('060')).toBe(60);
    for (const bad of ['0', '61', '-1', '12.0', '1e1', '', 'twelve', '0x0c']) {
      expect(firstMessage(WindowMonthsParamSchema.safeParse(bad))).toBe(
        `expected a whole number of months from 1 to 60, got "${bad}"`,
      );
    }
  });

  it('takes codes of the right form, known or not', () => {
    expect(CategoryCodeParamSchema.parse('no-such-crime')).toBe('no-such-crime');
    expect(CategoryCodeParamSchema.safeParse('Vehicle crime').success).toBe(false);
    expect(CategoryCodeParamSchema.safeParse('a'.repeat(101)).success).toBe(false);
    expect(AreaCodeParamSchema.parse('E07999999')).toBe('E07999999');
    for (const bad of ['e07000039', 'E0700003', 'E070000399', 'X07000039', '../E07000039']) {
      expect(AreaCodeParamSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('refuses a reversed range, or one of more than 120 period ends', () => {
    expect(trendRangeProblem('2025-01', '2025-12')).toBeUndefined();
    expect(trendRangeProblem('2025-12', '2025-12')).toBeUndefined();
    expect(trendRangeProblem('2016-01', '2025-12')).toBeUndefined();
    expect(trendRangeProblem('2025-12', '2025-11')).toEqual({
      field: 'from',
      message: 'must not be after to (2025-11), got "2025-12"',
    });
    expect(trendRangeProblem('2015-12', '2025-12')?.message).toBe(
      'a trend covers at most 120 period ends; 2015-12 to 2025-12 is 121',
    );
  });
});
