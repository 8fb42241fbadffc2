import type { ComparisonAnswerRow } from '@crimestats/reporting';
import { describe, expect, it } from 'vitest';
import { PLAN_ORDER, nextSortOrder, sortedRows } from './client/comparison-sort.ts';

function row(name: string, kind: 'csp' | 'county' | 'force', volume: number | null) {
  return {
    area: { code: name, name, kind },
    volume: volume ?? 0,
    population: 1000,
    ratePer1000: volume,
    rank: null,
    previousVolume: volume,
    volumeChange: 0,
    percentChange: null,
    complete: true,
  } as ComparisonAnswerRow;
}

const rows = [
  row('Erewash', 'csp', 20),
  row('County Council area', 'county', 90),
  row('Bolsover', 'csp', null),
  row('Amber Valley', 'csp', 30),
  row('Force area', 'force', 99),
];
const names = (sorted: ComparisonAnswerRow[]) => sorted.map((r) => r.area.name);

describe("the comparison table's order", () => {
  it('sorts the CSP areas either way, missing values last, the rollups kept last as they came', () => {
    const byRate = { key: 'rate', direction: 'descending' } as const;
    expect(names(sortedRows(rows, byRate))).toEqual([
      'Amber Valley',
      'Erewash',
      'Bolsover',
      'County Council area',
      'Force area',
    ]);
    expect(names(sortedRows(rows, { key: 'area', direction: 'ascending' })).slice(0, 3)).toEqual([
      'Amber Valley',
      'Bolsover',
      'Erewash',
    ]);
  });

  it("keeps the answer's order among equal values", () => {
    expect(names(sortedRows(rows, PLAN_ORDER))).toEqual([
      'Erewash',
      'Bolsover',
      'Amber Valley',
      'County Council area',
      'Force area',
    ]);
  });

  it('turns round on the same column and starts a new one the way people read it', () => {
    expect(nextSortOrder(PLAN_ORDER, 'rank')).toEqual({ key: 'rank', direction: 'descending' });
    expect(nextSortOrder(PLAN_ORDER, 'area')).toEqual({ key: 'area', direction: 'ascending' });
    expect(nextSortOrder(PLAN_ORDER, 'volume')).toEqual({ key: 'volume', direction: 'descending' });
  });
});
