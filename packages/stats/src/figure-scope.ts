import {
  EARLIEST_PERIOD_END,
  compareMonths,
  type AreaRegistry,
  type CategoryTaxonomy,
  type Month,
} from '@crimestats/domain';
import { compareAreasSeries, type ComparisonSeriesRequest } from './comparison-series.ts';
import type { Comparison } from './comparison-rows.ts';
import { comparedAreas } from './compared-areas.ts';

// Which figures exist: the rules the aggregator keeps figures by, and reports computed on demand
// answer by, so that both give the same figures for the same records.

/**
 * A category no record reaches in either window (say, a parent that is only ever supplied, for a
 * force that does not supply it) gets no figures, rather than a table of misleading zeros.
 */
export function reachedByData(comparison: Comparison): boolean {
  return comparison.rows.some((r) => r.complete || r.volume > 0 || r.previousVolume !== null);
}

/** compareAreasSeries, keeping only the comparisons that get figures (see reachedByData). */
export function figureComparisons(request: ComparisonSeriesRequest): Comparison[] {
  return compareAreasSeries(request).filter(reachedByData);
}

/**
 * The period ends that get figures: those from the first month with data to the last. Figures
 * are not made for periods no data reaches.
 */
export function periodEndsWithData(
  ends: Iterable<Month>,
  dataRange: { first: Month; last: Month },
): Month[] {
  // No period ends before EARLIEST_PERIOD_END: its windows would start before the first month.
  const first =
    compareMonths(dataRange.first, EARLIEST_PERIOD_END) >= 0
      ? dataRange.first
      : EARLIEST_PERIOD_END;
  const kept = new Set<Month>();
  for (const end of ends) {
    if (compareMonths(end, first) >= 0 && compareMonths(end, dataRange.last) <= 0) {
      kept.add(end);
    }
  }
  return [...kept].sort(compareMonths);
}

/** The categories whose counts a figure for `category` can depend on: itself and all descendants. */
export function categoriesNeededFor(category: string, taxonomy: CategoryTaxonomy): string[] {
  const needed = [category];
  for (let i = 0; i < needed.length; i++) {
    for (const child of taxonomy.childrenOf(needed[i]!)) needed.push(child.code);
  }
  return needed;
}

/**
 * The CSP areas whose records a force's figures are computed from (the reference's only force
 * when none is named).
 */
export function cspCodesOf(areas: AreaRegistry, forceCode?: string): string[] {
  return comparedAreas(areas, forceCode).csps.map((area) => area.code);
}
