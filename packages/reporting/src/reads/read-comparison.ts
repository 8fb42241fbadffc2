import type { FiguresRepository, LoadsRepository } from '@crimestats/store';
import { answerBasis } from '../answers/answer-basis.ts';
import type { ComparisonAnswer } from '../answers/comparison-answer.ts';
import { comparisonFromFigures, type AnswerReference } from '../answers/comparison-from-figures.ts';
import type { ComparisonQuery } from '../requests/comparison-query.ts';

/** The parts of the store a comparison reads (a `Store` from `createStore` fits). */
export interface FiguresSource {
  figures: Pick<FiguresRepository, 'read' | 'periodsAvailable'>;
  loads: Pick<LoadsRepository, 'latest'>;
}

export type ComparisonLookup =
  | { found: true; answer: ComparisonAnswer }
  /** Nothing computed for the query: say so, with the periods that do have figures. */
  | { found: false; answer: ComparisonAnswer; periodsAvailable: string[] };

/**
 * Reads one comparison from the stored figures, with the load it rests on. Used by the command
 * line, and meant for the HTTP service, so both answer from the same figures the same way.
 */
export async function readComparison(
  source: FiguresSource,
  query: ComparisonQuery,
  reference: AnswerReference,
): Promise<ComparisonLookup> {
  const figures = await source.figures.read({
    category: query.category,
    months: query.months,
    periodEnd: query.periodEnd,
  });
  const latestLoad = await source.loads.latest();
  const answer = comparisonFromFigures(query, figures, reference, answerBasis(figures, latestLoad));
  if (figures.length > 0) return { found: true, answer };
  const periodsAvailable = await source.figures.periodsAvailable(query.category, query.months);
  return { found: false, answer, periodsAvailable };
}
