import { periodEndsWithData } from '@crimestats/stats';
import {
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
 * months that have data: figures are not made for periods no data reaches.
 */
export function affectedPeriodEnds(
  touchedMonths: Iterable<string>,
  windowMonths: number,
  dataRange: { first: string; last: string },
): Month[] {
  const range = { first: parseMonth(dataRange.first), last: parseMonth(dataRange.last) };
  const reached = [...touchedMonths].flatMap((touched) =>
    periodEndsReaching(parseMonth(touched), windowMonths),
  );
  return periodEndsWithData(reached, range);
}

/** Every period end from the first month with data to the last. */
export function allPeriodEnds(dataRange: { first: string; last: string }): Month[] {
  return monthRange(parseMonth(dataRange.first), parseMonth(dataRange.last));
}
