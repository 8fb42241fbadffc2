import { defaultCategories } from '@crimestats/domain';
import type { FigureRow } from '@crimestats/store';
import { describe, expect, it } from 'vitest';
import { comparisonFromFigures } from './comparison-from-figures.ts';
import type { ComparisonQuery } from '../requests/comparison-query.ts';
import { PLAN_COMPUTED_AT, planFigureRows } from '../testing/plan-figures.ts';

const reference = { categories: defaultCategories };
const query: ComparisonQuery = {
  category: 'total-recorded-crime',
  periodEnd: '2025-12',
  months: 12,
};

function figure(overrides: Partial<FigureRow>): FigureRow {
  return {
    category: 'total-recorded-crime',
    months: 12,
    periodEnd: '2025-12',
    areaCode: 'E07000032',
    areaName: 'Amber Valley',
    areaKind: 'csp',
    volume: 100,
    population: 1000,
    ratePer1000: 100,
    rank: 1,
    previousVolume: 90,
    volumeChange: 10,
    percentChange: 11.1,
    zScore: 0.7,
    significant: false,
    complete: true,
    computedAt: PLAN_COMPUTED_AT,
    version: 1n,
    ...overrides,
  };
}

const names = (rows: { area: { name: string } }[]): string[] => rows.map((row) => row.area.name);

describe('comparisonFromFigures', () => {
  it("orders the plan's figures as the plan does: CSPs by rate, then county, then force", () => {
    const answer = comparisonFromFigures(query, planFigureRows(), reference);
    expect(names(answer.rows)).toEqual([
      'Derby City',
      'Chesterfield',
      'Erewash',
      'Bolsover',
      'Amber Valley',
      'South Derbyshire',
      'High Peak',
      'North East Derbyshire',
      'Derbyshire Dales',
      'County Council area',
      'Force area',
    ]);
    expect(answer.rows.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, null, null]);
  });

  it('names the category from the reference data and the period by its window', () => {
    const answer = comparisonFromFigures(
      { category: 'vehicle-crime', periodEnd: '2026-02', months: 3 },
      [],
      reference,
    );
    expect(answer.category).toEqual({ code: 'vehicle-crime', name: 'Vehicle crime' });
    expect(answer.period).toEqual({ start: '2025-12', end: '2026-02', months: 3 });
  });

  it('gives an answer with no rows, and no basis unless given one, when there are no figures', () => {
    const answer = comparisonFromFigures(query, [], reference);
    expect(answer.rows).toEqual([]);
    expect('basis' in answer).toBe(false);
  });

  it('carries the basis when given one', () => {
    const basis = { latestMonth: '2025-12', loadedAt: '2026-01-15T09:30:00.000Z', complete: true };
    expect(comparisonFromFigures(query, planFigureRows(), reference, basis).basis).toEqual(basis);
  });

  it('copies every figure unrounded, with significance after the contract fields', () => {
    const stored = figure({ ratePer1000: 58.7601, percentChange: -2.80707, zScore: -1.61 });
    const [row] = comparisonFromFigures(query, [stored], reference).rows;
    expect(row).toEqual({
      area: { code: 'E07000032', name: 'Amber Valley', kind: 'csp' },
      volume: 100,
      population: 1000,
      ratePer1000: 58.7601,
      rank: 1,
      previousVolume: 90,
      volumeChange: 10,
      percentChange: -2.80707,
      complete: true,
      zScore: -1.61,
      significant: false,
    });
    expect(Object.keys(row ?? {}).slice(-3)).toEqual(['complete', 'zScore', 'significant']);
  });

  it('puts tied ranks in name order, unranked CSPs after ranked ones, and rollups last', () => {
    const answer = comparisonFromFigures(
      query,
      [
        figure({ areaCode: 'E23000018', areaName: 'Force area', areaKind: 'force', rank: null }),
        figure({ areaCode: 'E07000039', areaName: 'South Derbyshire', rank: null }),
        figure({
          areaCode: 'E10000007',
          areaName: 'County Council area',
          areaKind: 'county',
          rank: null,
        }),
        figure({ areaCode: 'E07000038', areaName: 'North East Derbyshire', rank: 2 }),
        figure({ areaCode: 'E07000032', areaName: 'Amber Valley', rank: 2 }),
        figure({ areaCode: 'E07000035', areaName: 'Derbyshire Dales', rank: null }),
        figure({ areaCode: 'E07000034', areaName: 'Chesterfield', rank: 1 }),
      ],
      reference,
    );
    expect(names(answer.rows)).toEqual([
      'Chesterfield',
      'Amber Valley',
      'North East Derbyshire',
      'Derbyshire Dales',
      'South Derbyshire',
      'County Council area',
      'Force area',
    ]);
  });

  it('keeps null populations and rates', () => {
    const [row] = comparisonFromFigures(
      query,
      [figure({ population: null, ratePer1000: null, rank: null })],
      reference,
    ).rows;
    expect(row).toMatchObject({ population: null, ratePer1000: null, rank: null });
  });

  it.each([
    ['category', { category: 'vehicle-crime' }],
    ['window', { months: 3 }],
    ['period', { periodEnd: '2025-11' }],
  ])('refuses a figure for another %s', (_what, change) => {
    expect(() => comparisonFromFigures(query, [figure(change)], reference)).toThrow(RangeError);
  });

  it('refuses two figures for one area', () => {
    expect(() => comparisonFromFigures(query, [figure({}), figure({})], reference)).toThrow(
      /two figures for E07000032/,
    );
  });

  it('refuses a category the reference data does not know', () => {
    expect(() =>
      comparisonFromFigures({ ...query, category: 'no-such-thing' }, [], reference),
    ).toThrow(/unknown category/);
  });
});
