import { EARLIEST_PERIOD_END, defaultCategories } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { parseComparisonQuery, type ComparisonQueryInput } from './comparison-query.ts';

const parse = (input: ComparisonQueryInput) => parseComparisonQuery(input, defaultCategories);

describe('parseComparisonQuery', () => {
  it('takes a known category and a month, with a 12-month window by default', () => {
    expect(parse({ category: 'vehicle-crime', period: '2025-12' })).toEqual({
      ok: true,
      query: { category: 'vehicle-crime', periodEnd: '2025-12', months: 12 },
    });
  });

  it.each([
    ['1', 1],
    ['3', 3],
    ['12', 12],
    ['060', 60],
  ])('takes --months %s', (months, expected) => {
    const parsed = parse({ category: 'vehicle-crime', period: '2025-12', months });
    expect(parsed.ok && parsed.query.months).toBe(expected);
  });

  it('names the category problem and lists the codes allowed', () => {
    const parsed = parse({ category: 'total-crime', period: '2025-12' });
    expect(parsed).toMatchObject({ ok: false, field: 'category' });
    if (parsed.ok) return;
    expect(parsed.message).toMatch(
      /^unknown category "total-crime"; one of: total-recorded-crime, /,
    );
    for (const category of defaultCategories.all()) expect(parsed.message).toContain(category.code);
    expect(parsed.message).not.toContain('\n');
  });

  // One message for every period the command line and the API refuse, naming the earliest end
  // whose two windows both start in 1900 or later.
  it.each(['2025-13', '2025-1', '202512', 'Dec 2025', '', '0999-12', '1899-12', '1909-11'])(
    'refuses --period "%s"',
    (period) => {
      expect(parse({ category: 'vehicle-crime', period })).toEqual({
        ok: false,
        field: 'period',
        message: `expected a month as YYYY-MM from ${EARLIEST_PERIOD_END} on (e.g. 2025-12), got "${period}"`,
      });
    },
  );

  it.each(['0', '61', '-1', '1.5', '12abc', '', ' 12', '1e1', '1000'])(
    'refuses --months "%s"',
    (months) => {
      expect(parse({ category: 'vehicle-crime', period: '2025-12', months })).toEqual({
        ok: false,
        field: 'months',
        message: `expected a whole number of months from 1 to 60, got "${months}"`,
      });
    },
  );

  it('says which field is missing', () => {
    expect(parse({ period: '2025-12' })).toEqual({
      ok: false,
      field: 'category',
      message: 'is required',
    });
    expect(parse({ category: 'vehicle-crime' })).toEqual({
      ok: false,
      field: 'period',
      message: 'is required',
    });
  });

  it('reports the first problem when there are several', () => {
    expect(parse({ category: 'nope', period: 'nope', months: 'nope' })).toMatchObject({
      ok: false,
      field: 'category',
    });
  });
});
