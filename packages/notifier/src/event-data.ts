import type { EventCategoryFigures, FiguresEventData, FiguresUpdated } from '@crimestats/contracts';
import { parseMonth, windowEndingAt } from '@crimestats/domain';

export interface EventNames {
  areaName(code: string): string | undefined;
  categoryName(code: string): string | undefined;
}

/** Where a subscriber reads more: the public address of the reporting service and dashboard. */
export interface EventLinks {
  /** e.g. http://127.0.0.1:8080, without a trailing slash. */
  publicUrl: string;
}

interface ByCode {
  byCode(code: string): { name: string } | undefined;
}

/** Names from reference data: an AreaRegistry and a CategoryTaxonomy. */
export function namesFrom(areas: ByCode, categories: ByCode): EventNames {
  return {
    areaName: (code) => areas.byCode(code)?.name,
    categoryName: (code) => categories.byCode(code)?.name,
  };
}

const figureKey = (u: FiguresUpdated): string => `${u.periodEnd}|${u.months}|${u.category}`;

/**
 * One area's notices as one event's data: the latest notice per category, window and period end
 * (a later notice in a load supersedes an earlier one), grouped by period, newest period first
 * (longer windows first within a month), categories in code order.
 */
export function figuresEventData(
  area: string,
  notices: readonly FiguresUpdated[],
  names: EventNames,
  links: EventLinks,
): FiguresEventData {
  const latest = new Map<string, FiguresUpdated>();
  for (const notice of notices) if (notice.areaCode === area) latest.set(figureKey(notice), notice);
  const periods = new Map<string, FiguresUpdated[]>();
  for (const notice of latest.values()) {
    const key = `${notice.periodEnd}|${notice.months}`;
    periods.set(key, [...(periods.get(key) ?? []), notice]);
  }
  const ordered = [...periods.values()].sort(
    // Months are YYYY-MM, so their text sorts as they do.
    (a, b) => b[0]!.periodEnd.localeCompare(a[0]!.periodEnd) || b[0]!.months - a[0]!.months,
  );
  const newest = ordered[0]?.[0];
  return {
    area: { code: area, name: names.areaName(area) ?? area },
    periods: ordered.map((group) => {
      const { periodEnd, months } = group[0]!;
      const window = windowEndingAt(parseMonth(periodEnd), months);
      return {
        period: { start: window.start, end: window.end, months },
        categories: group
          .sort((a, b) => (a.category < b.category ? -1 : a.category > b.category ? 1 : 0))
          .map((notice) => categoryFigures(notice, names)),
      };
    }),
    links: eventLinks(area, newest, links),
  };
}

function categoryFigures(notice: FiguresUpdated, names: EventNames): EventCategoryFigures {
  const f = notice.after;
  return {
    code: notice.category,
    name: names.categoryName(notice.category) ?? notice.category,
    volume: f.volume,
    ratePer1000: f.ratePer1000,
    rank: f.rank,
    previousVolume: f.previousVolume,
    volumeChange: f.previousVolume === null ? null : f.volume - f.previousVolume,
    percentChange: f.percentChange,
    complete: f.complete,
    significant: f.significant ?? null,
  };
}

function eventLinks(
  area: string,
  newest: FiguresUpdated | undefined,
  { publicUrl }: EventLinks,
): FiguresEventData['links'] {
  const period: Record<string, string> =
    newest === undefined ? {} : { period: newest.periodEnd, months: String(newest.months) };
  const comparisons = new URL('/v1/comparisons', publicUrl);
  comparisons.search = new URLSearchParams({
    category: 'total-recorded-crime',
    ...period,
  }).toString();
  const dashboard = new URL('/', publicUrl);
  dashboard.search = new URLSearchParams({ area, ...period }).toString();
  return { comparisons: comparisons.toString(), dashboard: dashboard.toString() };
}
