import { figureRowsOf } from '@crimestats/store';
import { defaultReference, parseMonth } from '@crimestats/domain';
import { compareAreas, type Comparison } from '@crimestats/stats';
import { buildPlanMonthlyCounts } from '@crimestats/stats/testing';
import type { FigureRow } from '@crimestats/store';

export const PLAN_COMPUTED_AT = new Date('2026-01-15T09:30:00Z');

/**
 * The figures the aggregator would store for one of the plan's tables, made the aggregator's way
 * (the stats core over the plan's monthly series), in area-code order as the store returns them.
 */
export function planFigureRows(
  category = 'total-recorded-crime',
  periodEnd = '2025-12',
  months = 12,
): FigureRow[] {
  const comparison = compareAreas({
    counts: buildPlanMonthlyCounts(),
    category,
    end: parseMonth(periodEnd),
    months,
    reference: defaultReference,
  });
  return figureRowsFromComparison(comparison).sort((a, b) =>
    a.areaCode < b.areaCode ? -1 : a.areaCode > b.areaCode ? 1 : 0,
  );
}

/** The aggregator's own mapping, so the fixtures are the rows it would store. */
export function figureRowsFromComparison(comparison: Comparison): FigureRow[] {
  return figureRowsOf(comparison, PLAN_COMPUTED_AT, 1n);
}
