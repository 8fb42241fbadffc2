import { periodEndsWithData } from '@crimestats/stats';
import {
  EARLIEST_PERIOD_END,
  addMonths,
  compareMonths,
  monthFromParts,
  monthParts,
  monthRange,
  parseMonth,
  periodEndsReaching,
  type CategoryTaxonomy,
  type Month,
} from '@crimestats/domain';

/**
 * The categories whose figures a change to `categories` can move: each one and every ancestor,
 * since parents that are not supplied are derived from their children.
 */
export function affectedCategories(
  categories: Iterable<string>,
  taxonomy: CategoryTaxonomy,
): Set<string> {
  const affected = new Set<string>();
  for (const code of categories) {
    if (!taxonomy.byCode(code)) continue;
    affected.add(code);
    for (const ancestor of taxonomy.ancestorsOf(code)) affected.add(ancestor.code);
  }
  return affected;
}

/**
 * The period ends whose figures a touched month can move (see periodEndsReaching), kept within the
 * months that have data: figures are not made for periods no data reaches. A touched month stands
 * for its whole quarter (January–March, April–June, …, as Home Office quarters run): a monthly
 * record there can decide whether the quarter's other months count the Home Office quarter or the
 * monthly data (see countsFromRecords).
 */
export function affectedPeriodEnds(
  touchedMonths: Iterable<string>,
  windowMonths: number,
  dataRange: { first: string; last: string },
): Month[] {
  const range = { first: parseMonth(dataRange.first), last: parseMonth(dataRange.last) };
  const quarterStarts = new Set([...touchedMonths].map((m) => quarterStartOf(parseMonth(m))));
  const reached = [...quarterStarts].flatMap((start) =>
    monthRange(start, addMonths(start, 2)).flatMap((month) =>
      periodEndsReaching(month, windowMonths),
    ),
  );
  return periodEndsWithData(reached, range);
}

/** The first month of the calendar quarter holding `month`. */
function quarterStartOf(month: Month): Month {
  const { year, month: monthOfYear } = monthParts(month);
  return monthFromParts(year, monthOfYear - ((monthOfYear - 1) % 3));
}

/** Every period end from the first month with data (or EARLIEST_PERIOD_END) to the last. */
export function allPeriodEnds(dataRange: { first: string; last: string }): Month[] {
  const first = parseMonth(dataRange.first);
  return monthRange(
    compareMonths(first, EARLIEST_PERIOD_END) >= 0 ? first : EARLIEST_PERIOD_END,
    parseMonth(dataRange.last),
  );
}
