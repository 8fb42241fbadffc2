import { parseMonth } from '@crimestats/domain';
import { cspCodesOf } from '@crimestats/stats';
import type { DataBasisRepository, FiguresRepository } from '@crimestats/store';
import { answerBasis } from '../answers/answer-basis.ts';
import type { ComparisonAnswer } from '../answers/comparison-answer.ts';
import { comparisonFromFigures } from '../answers/comparison-from-figures.ts';
import type { ComparisonQuery } from '../requests/comparison-query.ts';
import { answerScope } from './answer-scope.ts';
import {
  figuresOnDemand,
  periodsOnDemand,
  type FiguresReference,
  type OnDemandSource,
} from './figures-on-demand.ts';
import { union } from './union.ts';

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
 * the HTTP service, so both answer from the same figures the same way.
 */
export async function readComparison(
  source: FiguresSource,
  query: ComparisonQuery,
  reference: FiguresReference,
): Promise<ComparisonLookup> {
  const end = parseMonth(query.periodEnd);
  const shown = cspCodesOf(reference.areas, reference.forceCode).map((code) => ({ code }));
  const [stored, data] = await Promise.all([
    source.figures.read({ category: query.category, months: query.months, periodEnd: end }),
    source.basis.read(answerScope(reference.areas, shown, end, end, query.months)),
  ]);
  const figures =
    stored.length > 0
      ? stored
      : await figuresOnDemand(source, reference, {
          categories: [query.category],
          ends: [end],
          months: query.months,
        });
  const answer = comparisonFromFigures(query, figures, reference, answerBasis(figures, data));
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
