import {
  DEFAULT_WINDOW_MONTHS,
  compareMonths,
  monthRange,
  monthsBetween,
  periodSpan,
  windowEndingAt,
  type Area,
  type Month,
  type MonthlyCount,
} from '@crimestats/domain';
import { measureArea } from './area-measures.ts';
import { CategoryResolver } from './category-resolver.ts';
import type { ComparisonRequest } from './comparison.ts';
import { comparedAreas, cspMembersOf } from './compared-areas.ts';
import { assembleComparison, type Comparison } from './comparison-rows.ts';
import { CountIndex, type CountLookup } from './count-index.ts';
import { PrefixTotals } from './prefix-totals.ts';
import { quickRoundHalfAwayFromZero } from './quick-rounding.ts';
import { combineWindowTotals, type WindowTotal } from './window-totals.ts';

export interface ComparisonSeriesRequest extends Omit<ComparisonRequest, 'end' | 'counts'> {
  /** Monthly counts as supplied (parents not supplied are derived), or a lookup over them. */
  counts: CountLookup | Iterable<MonthlyCount>;
  /** The periods' last months, in any order, repeats allowed. */
  ends: readonly Month[];
}

/**
 * compareAreas for many period ends of one category at once, with identical results: element i is
 * `compareAreas({ ...request, end: ends[i] })`. Each CSP area's months are resolved once (the same
 * CategoryResolver rule) into running sums, so each further end costs O(areas), not
 * O(areas × months); the force's areas and rollup memberships are looked up once per call.
 */
export function compareAreasSeries(request: ComparisonSeriesRequest): Comparison[] {
  const { reference } = request;
  const { areas, populations } = reference;
  const category = reference.categories.get(request.category);
  const months = request.months ?? DEFAULT_WINDOW_MONTHS;
  const periods = request.ends.map((end) => windowEndingAt(end, months));
  const index = isIterable(request.counts)
    ? CountIndex.fromRecords(request.counts)
    : request.counts;
  const resolver = new CategoryResolver(index, reference.categories);
  const compared = comparedAreas(areas, request.forceCode);
  const span = monthSpan(request.ends, months);
  if (span === undefined) return [];

  // Every area's CSP members as running sums over the same months, each CSP resolved once.
  const axisMonths = monthRange(span.first, span.last);
  const totals = new Map<string, PrefixTotals>();
  const members = new Map<string, PrefixTotals[]>();
  for (const area of [...compared.csps, ...compared.rollups]) {
    const series = cspMembersOf(areas, area.code).map((member) => {
      let found = totals.get(member.code);
      if (found === undefined) {
        found = PrefixTotals.of(resolver, member.code, category.code, axisMonths);
        totals.set(member.code, found);
      }
      return found;
    });
    members.set(area.code, series);
  }

  return periods.map((current) => {
    // The current window is [now, now + months) on the axis, the previous one just before it.
    const now = monthsBetween(span.first, current.start);
    return assembleComparison(
      category,
      current,
      compared,
      (area: Area) => {
        const series = members.get(area.code) ?? [];
        return measureArea(
          combined(series, now, now + months),
          combined(series, now - months, now),
          populations.populationForPeriod(area.code, current.end, areas) ?? null,
        );
      },
      request.rankDecimals,
      quickRoundHalfAwayFromZero,
    );
  });
}

function combined(series: readonly PrefixTotals[], from: number, to: number): WindowTotal {
  return combineWindowTotals(series.map((one) => one.between(from, to)));
}

/** Every month the periods' figures read: from the earliest period's span to the latest end. */
function monthSpan(
  ends: readonly Month[],
  months: number,
): { first: Month; last: Month } | undefined {
  const sorted = [...ends].sort(compareMonths);
  const earliest = sorted[0];
  const latest = sorted[sorted.length - 1];
  if (earliest === undefined || latest === undefined) return undefined;
  return { first: periodSpan(earliest, months).first, last: latest };
}

function isIterable(
  counts: CountLookup | Iterable<MonthlyCount>,
): counts is Iterable<MonthlyCount> {
  return Symbol.iterator in counts;
}
