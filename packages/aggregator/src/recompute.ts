import type { FiguresUpdated } from '@crimestats/contracts';
import { addMonths, compareMonths, type Month } from '@crimestats/domain';
import { compareAreas, CountIndex, type Comparison } from '@crimestats/stats';
import type { FigureRow, Store } from '@crimestats/store';
import { categoriesNeededFor } from './affected-periods.ts';
import { countsFromRecords } from './counts-from-records.ts';
import { figureChange, figureKey, figureRowsOf } from './figure-rows.ts';
import { currentPopulations, type AggregatorReference } from './reference.ts';

export interface RecomputeScope {
  categories: Iterable<string>;
  /** Window length → the period ends to recompute for it. */
  periodEnds: Map<number, Month[]>;
}

export interface RecomputeResult {
  rows: FigureRow[];
  updates: FiguresUpdated[];
}

/**
 * A category no record reaches in either window (say, a parent that is only ever supplied, for a
 * force that does not supply it) gets no figures, rather than a table of misleading zeros.
 */
function reachedByData(comparison: Comparison): boolean {
  return comparison.rows.some((r) => r.complete || r.volume > 0 || r.previousVolume !== null);
}

/**
 * Recomputes the figures of the given categories and period ends from the stored records, and says
 * which areas' figures changed. Nothing is written here: the caller publishes the changes and then
 * stores the rows, so a crash between the two repeats a notice rather than losing one.
 */
export async function recomputeFigures(
  store: Store,
  reference: AggregatorReference,
  scope: RecomputeScope,
  computedAt: Date,
): Promise<RecomputeResult> {
  const categories = [...scope.categories];
  if (categories.length === 0) return { rows: [], updates: [] };
  const populations = await currentPopulations(store, reference.populations);
  const needed = [
    ...new Set(categories.flatMap((c) => categoriesNeededFor(c, reference.categories))),
  ];
  const version = computedAt.getTime();
  const rows: FigureRow[] = [];
  const updates: FiguresUpdated[] = [];

  for (const [months, ends] of scope.periodEnds) {
    if (ends.length === 0) continue;
    const sorted = [...ends].sort(compareMonths);
    const first = sorted[0]!;
    const last = sorted[sorted.length - 1]!;
    // Quarterly records start up to two months before the earliest month they count in.
    const records = await store.monthlyRecords.latestCounts({
      categories: needed,
      fromMonth: addMonths(first, -(2 * months - 1) - 2),
      toMonth: last,
    });
    const counts = CountIndex.fromRecords(countsFromRecords(records));
    const existing = new Map(
      (await store.figures.readRange({ categories, months, fromEnd: first, toEnd: last })).map(
        (row) => [figureKey(row), row],
      ),
    );
    for (const category of categories) {
      for (const end of sorted) {
        const comparison = compareAreas({
          counts,
          category,
          end,
          months,
          reference: { areas: reference.areas, categories: reference.categories, populations },
          forceCode: reference.forceCode,
        });
        if (!reachedByData(comparison)) continue;
        for (const row of figureRowsOf(comparison, computedAt, version)) {
          rows.push(row);
          const change = figureChange(existing.get(figureKey(row)), row);
          if (change) updates.push(change);
        }
      }
    }
  }
  return { rows, updates };
}
