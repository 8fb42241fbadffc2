import {
  addMonths,
  compareMonths,
  EARLIEST_PERIOD_END,
  FIRST_YEAR,
  LAST_YEAR,
  monthFromParts,
  monthRange,
  monthsBetween,
  parseMonth,
  type CategoryTaxonomy,
  type Month,
} from '@crimestats/domain';

const FIRST_MONTH = monthFromParts(FIRST_YEAR, 1);
const LAST_MONTH = monthFromParts(LAST_YEAR, 12);

/**
 * The month `count` months from `month`, held within the months (1900-01 to 2199-12): for the
 * months a read reaches past its period ends, where a record at either end of the range must not
 * make the arithmetic leave it.
 */
export function addMonthsWithin(month: Month, count: number): Month {
  if (count >= 0) {
    return monthsBetween(month, LAST_MONTH) <= count ? LAST_MONTH : addMonths(month, count);
  }
  return monthsBetween(FIRST_MONTH, month) <= -count ? FIRST_MONTH : addMonths(month, count);
}

/** The later of two months. */
const later = (a: Month, b: Month): Month => (compareMonths(a, b) >= 0 ? a : b);

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

/** The categories whose counts a figure for `category` can depend on: itself and all descendants. */
export function categoriesNeededFor(category: string, taxonomy: CategoryTaxonomy): string[] {
  const needed = [category];
  for (let i = 0; i < needed.length; i++) {
    for (const child of taxonomy.childrenOf(needed[i]!)) needed.push(child.code);
  }
  return needed;
}

/**
 * The period ends whose figures a touched month can move (as periodEndsReaching: from the month
 * to 2 × window − 1 months later), kept within the months that have data, for figures are not made
 * for periods no data reaches, and from EARLIEST_PERIOD_END on, the first a period may end.
 */
export function affectedPeriodEnds(
  touchedMonths: Iterable<string>,
  windowMonths: number,
  dataRange: { first: string; last: string },
): Month[] {
  const first = later(parseMonth(dataRange.first), EARLIEST_PERIOD_END);
  const last = parseMonth(dataRange.last);
  const ends = new Set<Month>();
  for (const touched of touchedMonths) {
    const month = parseMonth(touched);
    // Counted up to the last month with data before any month is made, so 2199-12 is never passed.
    const reach = Math.min(2 * windowMonths - 1, monthsBetween(month, last));
    for (let offset = 0; offset <= reach; offset++) {
      const end = addMonths(month, offset);
      if (compareMonths(end, first) >= 0) ends.add(end);
    }
  }
  return [...ends].sort(compareMonths);
}

/** Every period end from the first month with data (or EARLIEST_PERIOD_END) to the last. */
export function allPeriodEnds(dataRange: { first: string; last: string }): Month[] {
  return monthRange(
    later(parseMonth(dataRange.first), EARLIEST_PERIOD_END),
    parseMonth(dataRange.last),
  );
}
