import { defaultReference, monthRange, parseMonth } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { compareAreasSeries } from './comparison-series.ts';
import {
  categoriesNeededFor,
  cspCodesOf,
  figureComparisons,
  periodEndsWithData,
  reachedByData,
} from './figure-scope.ts';

const months = (...list: string[]) => list.map(parseMonth);

describe('which figures exist', () => {
  it('keeps period ends from the first month with data to the last, once each, in order', () => {
    const range = { first: parseMonth('2024-01'), last: parseMonth('2025-12') };
    expect(
      periodEndsWithData(months('2026-01', '2025-12', '2023-12', '2024-01', '2025-12'), range),
    ).toEqual(['2024-01', '2025-12']);
  });

  it('needs a category and every category below it', () => {
    const needed = categoriesNeededFor('burglary', defaultReference.categories);
    expect(needed[0]).toBe('burglary');
    expect(needed).toContain('burglary-business-and-community');
    expect(categoriesNeededFor('anti-social-behaviour', defaultReference.categories)).toEqual([
      'anti-social-behaviour',
    ]);
  });

  it('makes no figures for a category no record reaches, but does for explicit zeros', () => {
    const csps = cspCodesOf(defaultReference.areas);
    expect(csps).toHaveLength(9);
    const request = {
      ends: months('2025-12'),
      months: 12,
      reference: defaultReference,
    };
    const zeros = csps.flatMap((areaCode) =>
      monthRange(parseMonth('2024-01'), parseMonth('2025-12')).map((month) => ({
        areaCode,
        category: 'bicycle-theft',
        month,
        count: 0,
      })),
    );
    const none = compareAreasSeries({ ...request, counts: zeros, category: 'robbery' });
    expect(none.map(reachedByData)).toEqual([false]);
    expect(figureComparisons({ ...request, counts: zeros, category: 'robbery' })).toEqual([]);
    expect(
      figureComparisons({ ...request, counts: zeros, category: 'bicycle-theft' }),
    ).toHaveLength(1);
  });
});
