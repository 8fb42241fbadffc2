import {
  parseMonth,
  windowEndingAt,
  type Area,
  type AreaRegistry,
  type CategoryTaxonomy,
} from '@crimestats/domain';
import {
  RATE_DECIMALS,
  comparedAreas,
  competitionRanks,
  roundHalfAwayFromZero,
} from '@crimestats/stats';
import type { FigureRow } from '@crimestats/store';
import type { ComparisonQuery } from '../requests/comparison-query.ts';
import {
  ComparisonAnswerSchema,
  type AnswerBasis,
  type ComparisonAnswer,
  type ComparisonAnswerRow,
} from './comparison-answer.ts';
import { assertFiguresAnswer, toAnswerRow } from './comparison-from-figures.ts';

/** What the national table needs beyond the figures: the loaded forces and their areas. */
export interface NationalReference {
  areas: AreaRegistry;
  categories: CategoryTaxonomy;
}

/** Each loaded CSP area's force, from the reference (a CSP in no force is in no table). */
export function forcesOfCsps(areas: AreaRegistry): Map<string, Area> {
  const forceOf = new Map<string, Area>();
  for (const force of areas.forces()) {
    for (const csp of comparedAreas(areas, force.code).csps) {
      if (!forceOf.has(csp.code)) forceOf.set(csp.code, force);
    }
  }
  return forceOf;
}

/**
 * The national table from each force's stored figures: every loaded force's CSP areas ranked
 * together by rate per 1,000 (as a force's table ranks, on rates rounded to the printed decimals,
 * ties sharing a rank; unranked ones last, ties by name), then each force's row by name. County
 * rows are left out: they are rollups inside one force, and ranked CSPs already show their parts.
 * Figures of areas the reference does not place in a loaded force are dropped, as a force's table
 * never shows them. Nothing is recomputed but the ranks.
 */
export function nationalComparisonFromFigures(
  query: ComparisonQuery,
  figures: readonly FigureRow[],
  reference: NationalReference,
  basis?: AnswerBasis,
): ComparisonAnswer {
  const category = reference.categories.get(query.category);
  const period = windowEndingAt(parseMonth(query.periodEnd), query.months);
  assertFiguresAnswer(query, figures);
  const forceOf = forcesOfCsps(reference.areas);
  const forces = new Map(reference.areas.forces().map((force) => [force.code, force]));
  const csps = figures.filter((f) => f.areaKind === 'csp' && forceOf.has(f.areaCode));
  const ranks = competitionRanks(
    csps.map((f) =>
      f.ratePer1000 === null ? null : roundHalfAwayFromZero(f.ratePer1000, RATE_DECIMALS),
    ),
  );
  const cspRows = csps
    .map((f, i) =>
      withForce({ ...toAnswerRow(f), rank: ranks[i] ?? null }, forceOf.get(f.areaCode)),
    )
    .sort(byRankThenName);
  const forceRows = figures
    .filter((f) => f.areaKind === 'force' && forces.has(f.areaCode))
    .map((f) => withForce(toAnswerRow(f), forces.get(f.areaCode)))
    .sort(byName);
  return ComparisonAnswerSchema.parse({
    category: { code: category.code, name: category.name },
    period,
    rows: [...cspRows, ...forceRows],
    ...(basis === undefined ? {} : { basis }),
  });
}

function withForce(row: ComparisonAnswerRow, force: Area | undefined): ComparisonAnswerRow {
  return force === undefined ? row : { ...row, force: { code: force.code, name: force.name } };
}

function byName(a: ComparisonAnswerRow, b: ComparisonAnswerRow): number {
  return a.area.name < b.area.name ? -1 : a.area.name > b.area.name ? 1 : 0;
}

function byRankThenName(a: ComparisonAnswerRow, b: ComparisonAnswerRow): number {
  const byRank = (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY);
  return byRank !== 0 && !Number.isNaN(byRank) ? byRank : byName(a, b);
}
