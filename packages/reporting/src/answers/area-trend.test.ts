import { defaultAreas, defaultCategories } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { areaTrendFromFigures } from './area-trend.ts';
import { figure } from '../testing/figure.ts';
import { trendComparators } from './trend-comparators.ts';

const basis = { latestMonth: '2025-12', loadedAt: '2026-01-15T09:30:00.000Z', complete: true };
const query = {
  areaCode: 'E07000039',
  category: 'total-recorded-crime',
  fromEnd: '2025-10',
  toEnd: '2025-12',
  months: 12,
};
const subjects = {
  area: defaultAreas.get('E07000039'),
  comparators: trendComparators(defaultAreas, 'E07000039'),
  category: defaultCategories.get('total-recorded-crime'),
};
const at = (areaCode: string, periodEnd: string, volume: number, complete = true) =>
  figure({ areaCode, periodEnd, volume, ratePer1000: volume / 100, complete });

describe('areaTrendFromFigures', () => {
  it('gives every line a point for every period end, null where nothing is stored', () => {
    const answer = areaTrendFromFigures(
      query,
      subjects,
      [
        at('E07000039', '2025-10', 10),
        at('E07000039', '2025-12', 12),
        at('E10000007', '2025-11', 110, false),
        at('E23000018', '2025-10', 200),
        at('E23000018', '2025-11', 201),
        at('E23000018', '2025-12', 202),
      ],
      basis,
    );
    expect(answer.range).toEqual({ from: '2025-10', to: '2025-12', months: 12 });
    expect(answer.category).toEqual({ code: 'total-recorded-crime', name: 'Total recorded crime' });
    expect(answer.lines.map((line) => line.area.code)).toEqual([
      'E07000039',
      'E10000007',
      'E23000018',
    ]);
    expect(answer.lines[0]?.points).toEqual([
      { periodEnd: '2025-10', volume: 10, ratePer1000: 0.1, complete: true },
      { periodEnd: '2025-11', volume: null, ratePer1000: null, complete: false },
      { periodEnd: '2025-12', volume: 12, ratePer1000: 0.12, complete: true },
    ]);
    expect(answer.lines[1]?.points.map((point) => point.volume)).toEqual([null, 110, null]);
    expect(answer.basis).toEqual({ ...basis, complete: false });
  });

  it('is complete only when every point of every line is there and complete', () => {
    const all = ['E07000039', 'E10000007', 'E23000018'].flatMap((code) =>
      ['2025-10', '2025-11', '2025-12'].map((end) => at(code, end, 1)),
    );
    expect(areaTrendFromFigures(query, subjects, all, basis).basis.complete).toBe(true);
  });

  it('has no lines and says why when nothing is stored in the range', () => {
    const answer = areaTrendFromFigures(query, subjects, [], basis, 'nothing');
    expect(answer).toMatchObject({ lines: [], message: 'nothing', basis: { complete: false } });
  });
});

describe('trendComparators', () => {
  const codes = (code: string) => trendComparators(defaultAreas, code).map((area) => area.code);

  it("sets a CSP area beside its force's rollups, Derby City included", () => {
    expect(codes('E07000039')).toEqual(['E10000007', 'E23000018']);
    expect(codes('E06000015')).toEqual(['E10000007', 'E23000018']);
  });

  it('leaves a rollup out of its own comparators', () => {
    expect(codes('E10000007')).toEqual(['E23000018']);
    expect(codes('E23000018')).toEqual(['E10000007']);
  });
});
