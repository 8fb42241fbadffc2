import {
  EARLIEST_PERIOD_END,
  compareMonths,
  monthRange,
  parseMonth,
  periodSpan,
  type Month,
  type ReferenceData,
} from '@crimestats/domain';
import {
  CountIndex,
  categoriesNeededFor,
  cspCodesOf,
  figureComparisons,
  periodEndsWithData,
} from '@crimestats/stats';
import {
  figureRowsOf,
  type FigureRow,
  type MonthlyRecordsRepository,
  type PopulationsRepository,
} from '@crimestats/store';
import { ALL_FORCES } from '../requests/report-params.ts';

/** What figures are computed with: the aggregator's reference data and force. */
export interface FiguresReference extends ReferenceData {
  /**
   * The force whose areas are compared (CRIMESTATS_FORCE); the reference's only force if omitted;
   * `ALL_FORCES` for every loaded force (the national table; an area's reports then use its force).
   */
  forceCode?: string | undefined;
}

/** The forces a reference's figures are computed for: each loaded one for `ALL_FORCES`. */
export function forcesComputed(reference: FiguresReference): (string | undefined)[] {
  return reference.forceCode === ALL_FORCES
    ? reference.areas.forces().map((force) => force.code)
    : [reference.forceCode];
}

/**
 * The reference an area's own reports are computed with: for `ALL_FORCES`, the area's force (all
 * of them for an area no single force covers), so only that force's records are read.
 */
export function referenceForArea(reference: FiguresReference, areaCode: string): FiguresReference {
  if (reference.forceCode !== ALL_FORCES) return reference;
  const force = reference.areas.forceOf(areaCode);
  return force === undefined ? reference : { ...reference, forceCode: force.code };
}

/** The parts of the store figures are computed from. */
export interface OnDemandSource {
  monthlyRecords: Pick<MonthlyRecordsRepository, 'monthRange' | 'monthlyCounts'>;
  populations: Pick<PopulationsRepository, 'appliedTo'>;
}

export interface OnDemandRequest {
  categories: readonly string[];
  /** Period ends, in any order; only those with data get figures. */
  ends: readonly string[];
  months: number;
}

/**
 * The figures the aggregator would store for these categories, period ends and window, computed
 * now from the stored records by the same steps: the same counts (sources chosen and quarters
 * spread by the store's `monthlyCounts`), the populations with loaded files applied, the stats
 * core's comparisons, and the same rule for which periods and categories get figures. For a
 * window the aggregator keeps, they equal its stored figures; for any other, what it would store
 * if configured with that window.
 */
export async function figuresOnDemand(
  source: OnDemandSource,
  reference: FiguresReference,
  request: OnDemandRequest,
  computedAt: Date = new Date(),
): Promise<FigureRow[]> {
  const asked = [...new Set(request.ends.map(parseMonth))]
    .filter((end) => compareMonths(end, EARLIEST_PERIOD_END) >= 0)
    .sort(compareMonths);
  const first = asked[0];
  const last = asked[asked.length - 1];
  if (first === undefined || last === undefined || request.categories.length === 0) return [];
  const taxonomy = reference.categories;
  const needed = [...new Set(request.categories.flatMap((c) => categoriesNeededFor(c, taxonomy)))];
  const forces = forcesComputed(reference);
  // One read of the counts for every force computed: a national table asks for each of them.
  const areaCodes = [...new Set(forces.flatMap((force) => cspCodesOf(reference.areas, force)))];
  // All at once: the counts of every period end asked for hold those of the ends with data.
  const [range, counts, populations] = await Promise.all([
    source.monthlyRecords.monthRange(),
    source.monthlyRecords.monthlyCounts(
      {
        categories: needed,
        areaCodes,
        fromMonth: periodSpan(first, request.months).first,
        toMonth: last,
      },
      taxonomy,
    ),
    source.populations.appliedTo(reference.populations),
  ]);
  if (range === null) return [];
  const ends = periodEndsWithData(asked, {
    first: parseMonth(range.first),
    last: parseMonth(range.last),
  });
  if (ends.length === 0) return [];
  const index = CountIndex.fromRecords(counts);
  const comparisonReference = { areas: reference.areas, categories: taxonomy, populations };
  return forces.flatMap((forceCode) =>
    request.categories.flatMap((category) =>
      figureComparisons({
        counts: index,
        category,
        ends,
        months: request.months,
        reference: comparisonReference,
        forceCode,
      }).flatMap((comparison) =>
        figureRowsOf(comparison, computedAt, BigInt(computedAt.getTime())),
      ),
    ),
  );
}

/**
 * The period ends with figures for these categories and window, computed over every month with
 * data (optionally only those with a figure for one of `areaCodes`): what an empty answer offers
 * instead.
 */
export async function periodsOnDemand(
  source: OnDemandSource,
  reference: FiguresReference,
  request: Omit<OnDemandRequest, 'ends'> & { areaCodes?: readonly string[] },
): Promise<Month[]> {
  const range = await source.monthlyRecords.monthRange();
  if (range === null) return [];
  const ends = monthRange(parseMonth(range.first), parseMonth(range.last));
  const figures = await figuresOnDemand(source, reference, { ...request, ends });
  const areas = request.areaCodes === undefined ? undefined : new Set(request.areaCodes);
  const periods = new Set(
    figures
      .filter((figure) => areas === undefined || areas.has(figure.areaCode))
      .map((figure) => parseMonth(figure.periodEnd)),
  );
  return [...periods].sort(compareMonths);
}
