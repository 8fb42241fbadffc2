import {
  DEFAULT_WINDOW_MONTHS,
  previousWindow,
  windowEndingAt,
  type Area,
  type AreaRegistry,
  type CategoryTaxonomy,
  type Month,
  type MonthlyCount,
  type PopulationTable,
  type Window,
} from '@crimestats/domain';
import { measureArea, type AreaMeasures } from './area-measures.ts';
import { CategoryResolver } from './category-resolver.ts';
import { comparedAreas } from './compared-areas.ts';
import { assembleComparison, type Comparison } from './comparison-rows.ts';
import { CountIndex } from './count-index.ts';
import { combineWindowTotals, windowTotal, type WindowTotal } from './window-totals.ts';

export interface ComparisonReference {
  areas: AreaRegistry;
  categories: CategoryTaxonomy;
  populations: PopulationTable;
}

export interface ComparisonRequest {
  /** Monthly counts as supplied; parents not supplied are derived from their children. */
  counts: CountIndex | Iterable<MonthlyCount>;
  category: string;
  /** The period's last month. */
  end: Month;
  /** Window length; 12 unless given. */
  months?: number;
  reference: ComparisonReference;
  /** The force whose areas are compared; needed only when the reference has several forces. */
  forceCode?: string;
  /**
   * Decimals the rates are rounded to before ranking; null ranks unrounded rates. Defaults to
   * the 2 decimals rates are published with, so areas whose published rates are equal share a
   * rank (the plan's 1.10 and 1.10) instead of being split by differences no reader can see.
   */
  rankDecimals?: number | null;
}

/**
 * The comparison for one category and period: the force's CSP areas by rate, highest first
 * (ties in name order), then the rollups inside the force (the county), then the force.
 * Rollup figures come from their CSP members' monthly counts, never from records supplied for
 * the rollup's own code; a rollup's population follows the population rule.
 */
export function compareAreas(request: ComparisonRequest): Comparison {
  const { reference, end } = request;
  const category = reference.categories.get(request.category);
  const current = windowEndingAt(end, request.months ?? DEFAULT_WINDOW_MONTHS);
  const previous = previousWindow(current);
  const index =
    request.counts instanceof CountIndex ? request.counts : CountIndex.fromRecords(request.counts);
  const resolver = new CategoryResolver(index, reference.categories);
  const compared = comparedAreas(reference.areas, request.forceCode);

  const totalsOf = (window: Window) => (area: Area) =>
    windowTotal(resolver, area.code, category.code, window);
  const measure = (area: Area): AreaMeasures => {
    const members = reference.areas.cspMembersOf(area.code);
    const combined = (window: Window): WindowTotal =>
      combineWindowTotals(members.map(totalsOf(window)));
    const population = reference.populations.populationForPeriod(area.code, end, reference.areas);
    return measureArea(combined(current), combined(previous), population ?? null);
  };

  return assembleComparison(category, current, compared, measure, request.rankDecimals);
}
