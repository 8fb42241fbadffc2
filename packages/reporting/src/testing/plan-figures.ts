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

export function figureRowsFromComparison(comparison: Comparison): FigureRow[] {
  return comparison.rows.map((row) => ({
    category: comparison.category.code,
    months: comparison.period.months,
    periodEnd: comparison.period.end,
    areaCode: row.area.code,
    areaName: row.area.name,
    areaKind: row.area.kind,
    volume: row.volume,
    population: row.population,
    ratePer1000: row.ratePer1000,
    rank: row.rank,
    previousVolume: row.previousVolume,
    volumeChange: row.volumeChange,
    percentChange: row.percentChange,
    zScore: row.zScore,
    significant: row.significant,
    complete: row.complete,
    computedAt: PLAN_COMPUTED_AT,
    version: 1,
  }));
}
