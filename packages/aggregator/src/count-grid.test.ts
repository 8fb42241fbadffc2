import { parseMonth, type MonthlyCount } from '@crimestats/domain';
import { CountIndex } from '@crimestats/stats';
import { describe, expect, it } from 'vitest';
import { CountGrid } from './count-grid.ts';

const m = parseMonth;
const counts: MonthlyCount[] = [
  { areaCode: 'E07000032', category: 'shoplifting', month: m('2025-01'), count: 4 },
  { areaCode: 'E07000032', category: 'shoplifting', month: m('2025-03'), count: 0 },
  { areaCode: 'E06000015', category: 'robbery', month: m('2025-02'), count: 9 },
];

describe('CountGrid', () => {
  it('answers as a CountIndex over the same counts: explicit zeros kept, gaps missing', () => {
    const grid = new CountGrid(m('2024-12'), m('2025-04'));
    grid.add(counts);
    const index = CountIndex.fromRecords(counts);
    for (const area of ['E07000032', 'E06000015', 'E07000033']) {
      for (const category of ['shoplifting', 'robbery']) {
        for (const month of ['2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-05']) {
          expect(grid.get(area, category, m(month))).toBe(index.get(area, category, m(month)));
        }
      }
    }
  });

  it('refuses what CountIndex refuses, and months outside its run', () => {
    const grid = new CountGrid(m('2025-01'), m('2025-03'));
    grid.add(counts);
    expect(() => grid.add([counts[0]!])).toThrow(/duplicate/);
    expect(() => grid.add([{ ...counts[0]!, month: m('2025-02'), count: -1 }])).toThrow(/integer/);
    expect(() => grid.add([{ ...counts[0]!, month: m('2025-02'), count: 1.5 }])).toThrow(/integer/);
    expect(() => grid.add([{ ...counts[0]!, month: m('2025-04') }])).toThrow(/outside/);
  });

  it('takes series as it takes counts: NaN is no count, and it refuses the same', () => {
    const grid = new CountGrid(m('2024-12'), m('2025-04'));
    grid.addSeries([
      {
        areaCode: 'E07000032',
        category: 'shoplifting',
        first: m('2025-01'),
        counts: Float64Array.of(4, Number.NaN, 0),
      },
      {
        areaCode: 'E06000015',
        category: 'robbery',
        first: m('2025-02'),
        counts: Float64Array.of(9),
      },
    ]);
    const index = CountIndex.fromRecords(counts);
    for (const area of ['E07000032', 'E06000015']) {
      for (const category of ['shoplifting', 'robbery']) {
        for (const month of ['2024-12', '2025-01', '2025-02', '2025-03', '2025-04']) {
          expect(grid.get(area, category, m(month))).toBe(index.get(area, category, m(month)));
        }
      }
    }
    const one = (first: string, ...values: number[]) => [
      {
        areaCode: 'E06000015',
        category: 'robbery',
        first: m(first),
        counts: Float64Array.of(...values),
      },
    ];
    expect(() => grid.addSeries(one('2025-02', 1))).toThrow(/duplicate/);
    expect(() => grid.addSeries(one('2025-03', 1.5))).toThrow(/integer/);
    expect(() => grid.addSeries(one('2025-04', 1, 2))).toThrow(/beyond/);
    expect(() => grid.addSeries(one('2025-05', 1))).toThrow(/outside/);
  });
});
