import { parseMonth } from '@crimestats/domain';
import { comparedAreas } from '@crimestats/stats';
import type { DataBasisRepository, FiguresRepository } from '@crimestats/store';
import { answerBasis } from '../answers/answer-basis.ts';
import type { ComparisonAnswer } from '../answers/comparison-answer.ts';
import { comparisonFromFigures } from '../answers/comparison-from-figures.ts';
import { forcesOfCsps, nationalComparisonFromFigures } from '../answers/national-comparison.ts';
import { ALL_FORCES } from '../requests/report-params.ts';
import type { ComparisonQuery } from '../requests/comparison-query.ts';
import { answerScope } from './answer-scope.ts';
import {
  figuresOnDemand,
  periodsOnDemand,
  type FiguresReference,
  type OnDemandSource,
} from './figures-on-demand.ts';
import { union } from './union.ts';

/**
 * The areas a comparison's rows may be of: a force's CSP areas and rollups, or for the national
 * table every loaded force's CSP areas and the forces.
 */
function tabledAreas(reference: FiguresReference): Set<string> {
  if (reference.forceCode !== ALL_FORCES) {
    const { csps, rollups } = comparedAreas(reference.areas, reference.forceCode);
    return new Set([...csps, ...rollups].map((area) => area.code));
  }
  return new Set([
    ...forcesOfCsps(reference.areas).keys(),
    ...reference.areas.forces().map((force) => force.code),
  ]);
}

/** The parts of the store a comparison reads (a `Store` from `createStore` fits). */
export interface FiguresSource extends OnDemandSource {
  figures: Pick<FiguresRepository, 'read' | 'periodsAvailable'>;
  basis: Pick<DataBasisRepository, 'read'>;
}

export type ComparisonLookup =
  | { found: true; answer: ComparisonAnswer }
  /** No figures for the query: say so, with the periods that do have figures. */
  | { found: false; answer: ComparisonAnswer; periodsAvailable: string[] };

/**
 * Reads one comparison: the stored figures when the aggregator keeps the window, else the same
 * figures computed from the stored records; with what they rest on. Used by the command line and
 * the HTTP service, so both answer from the same figures the same way. With `ALL_FORCES`, the
 * national table from every loaded force's figures.
 */
export async function readComparison(
  source: FiguresSource,
  query: ComparisonQuery,
  reference: FiguresReference,
): Promise<ComparisonLookup> {
  const end = parseMonth(query.periodEnd);
  const national = reference.forceCode === ALL_FORCES;
  const tabled = tabledAreas(reference);
  const shown = [...tabled].filter((code) => reference.areas.byCode(code)?.kind === 'csp');
  const [read, data] = await Promise.all([
    source.figures.read({ category: query.category, months: query.months, periodEnd: end }),
    source.basis.read(
      answerScope(
        reference.areas,
        shown.map((code) => ({ code })),
        end,
        end,
        query.months,
      ),
    ),
  ]);
  // The figures table holds every force's rows: a table shows only those of its own areas.
  const stored = read.filter((figure) => tabled.has(figure.areaCode));
  const figures =
    stored.length > 0
      ? stored
      : await figuresOnDemand(source, reference, {
          categories: [query.category],
          ends: [end],
          months: query.months,
        });
  const basis = answerBasis(figures, data);
  const answer = national
    ? nationalComparisonFromFigures(query, figures, reference, basis)
    : comparisonFromFigures(query, figures, reference, basis);
  if (figures.length > 0) return { found: true, answer };
  const periodsAvailable = union(
    await source.figures.periodsAvailable(query.category, query.months),
    await periodsOnDemand(source, reference, {
      categories: [query.category],
      months: query.months,
    }),
  );
  return { found: false, answer, periodsAvailable };
}
