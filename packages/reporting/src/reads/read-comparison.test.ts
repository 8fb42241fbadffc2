import { defaultCategories } from '@crimestats/domain';
import type { FigureRow, FiguresQuery, Load } from '@crimestats/store';
import { describe, expect, it } from 'vitest';
import { readComparison, type FiguresSource } from './read-comparison.ts';
import { planFigureRows } from '../testing/plan-figures.ts';

const reference = { categories: defaultCategories };
const query = { category: 'total-recorded-crime', periodEnd: '2025-12', months: 12 };
const load: Load = {
  batchId: '018f2b6e-0c1d-7a00-8000-000000000000',
  sourceKind: 'monthly-counts',
  sourceFile: 'counts.csv',
  latestMonth: '2025-12',
  rows: 10,
  records: 10,
  loadedAt: new Date('2026-01-15T09:30:00Z'),
};

/** The store's figures and loads, kept in memory: readComparison's logic without a database. */
function memorySource(figures: FigureRow[], latest: Load | null): FiguresSource {
  return {
    figures: {
      read: async (q: FiguresQuery) =>
        figures.filter(
          (f) => f.category === q.category && f.months === q.months && f.periodEnd === q.periodEnd,
        ),
      periodsAvailable: async (category: string, months: number) =>
        [
          ...new Set(
            figures
              .filter((f) => f.category === category && f.months === months)
              .map((f) => f.periodEnd),
          ),
        ].sort(),
    },
    loads: { latest: async () => latest },
  };
}

describe('readComparison', () => {
  it('answers from the stored figures, with the load they rest on', async () => {
    const lookup = await readComparison(memorySource(planFigureRows(), load), query, reference);
    expect(lookup.found).toBe(true);
    expect(lookup.answer.rows).toHaveLength(11);
    expect(lookup.answer.rows[0]?.area.name).toBe('Derby City');
    expect(lookup.answer.basis).toEqual({
      latestMonth: '2025-12',
      loadedAt: '2026-01-15T09:30:00.000Z',
      complete: true,
    });
  });

  it('says what periods there are when the one asked for has no figures', async () => {
    const source = memorySource(
      [
        ...planFigureRows('total-recorded-crime', '2025-12'),
        ...planFigureRows('total-recorded-crime', '2025-11'),
      ],
      load,
    );
    const lookup = await readComparison(source, { ...query, periodEnd: '2026-01' }, reference);
    expect(lookup).toMatchObject({ found: false, periodsAvailable: ['2025-11', '2025-12'] });
    expect(lookup.answer.rows).toEqual([]);
    expect(lookup.answer.period).toEqual({ start: '2025-02', end: '2026-01', months: 12 });
  });

  it('reads an empty store as having no figures and no load', async () => {
    const lookup = await readComparison(memorySource([], null), query, reference);
    expect(lookup).toMatchObject({ found: false, periodsAvailable: [] });
    expect(lookup.answer.basis).toEqual({ latestMonth: null, loadedAt: null, complete: false });
  });
});
