import { defaultReference, parseMonth } from '@crimestats/domain';
import type { DataBasis, FigureRow, FiguresQuery } from '@crimestats/store';
import { describe, expect, it } from 'vitest';
import { readComparison, type FiguresSource } from './read-comparison.ts';
import { planFigureRows } from '../testing/plan-figures.ts';

const reference = defaultReference;
const query = { category: 'total-recorded-crime', periodEnd: '2025-12', months: 12 };
const load: DataBasis = {
  latestMonth: parseMonth('2025-12'),
  loadedAt: new Date('2026-01-15T09:30:00Z'),
};

/**
 * The store's figures and what they rest on, kept in memory, with no records to compute other
 * figures from: readComparison's logic without a database.
 */
function memorySource(figures: FigureRow[], latest: DataBasis | null): FiguresSource {
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
    basis: { read: async () => latest ?? { latestMonth: null, loadedAt: null } },
    monthlyRecords: {
      monthRange: async () => null,
      monthlyCounts: async () => [],
    },
    populations: { appliedTo: async (defaults) => defaults },
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
