import {
  addMonths,
  compareMonths,
  parseMonth,
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

/** The categories whose counts a figure for `category` can depend on: itself and all descendants. */
export function categoriesNeededFor(category: string, taxonomy: CategoryTaxonomy): string[] {
  const needed = [category];
  for (let i = 0; i < needed.length; i++) {
    for (const child of taxonomy.childrenOf(needed[i]!)) needed.push(child.code);
  }
  return needed;
}

/**
 * The period ends whose window of `windowMonths`, or the window before it, contains a touched
 * month: from the month itself to 2 × windowMonths − 1 months later. Only ends within the months
 * that have data are kept; figures are not made for periods no data reaches.
 */
export function affectedPeriodEnds(
  touchedMonths: Iterable<string>,
  windowMonths: number,
  dataRange: { first: string; last: string },
): Month[] {
  const first = parseMonth(dataRange.first);
  const last = parseMonth(dataRange.last);
  const ends = new Set<Month>();
  for (const touched of touchedMonths) {
    const start = parseMonth(touched);
    for (let k = 0; k < 2 * windowMonths; k++) {
      const end = addMonths(start, k);
      if (compareMonths(end, first) < 0) continue;
      if (compareMonths(end, last) > 0) break;
      ends.add(end);
    }
  }
  return [...ends].sort(compareMonths);
}

/** Every period end from the first month with data to the last. */
export function allPeriodEnds(dataRange: { first: string; last: string }): Month[] {
  const ends: Month[] = [];
  for (
    let m = parseMonth(dataRange.first);
    compareMonths(m, parseMonth(dataRange.last)) <= 0;
    m = addMonths(m, 1)
  ) {
    ends.push(m);
  }
  return ends;
}
