import { z } from 'zod';
import { AnswerBasisSchema, ComparisonAnswerSchema } from '../answers/comparison-answer.ts';
import type { ComparisonQuery } from '../requests/comparison-query.ts';
import { missingFiguresMessage } from '../answers/missing-figures.ts';
import type { FiguresReference } from './figures-on-demand.ts';
import { readComparison, type FiguresSource } from './read-comparison.ts';

/**
 * The contract's comparison answer as the HTTP service gives it: always with its basis, and with
 * a message when there are no rows (extra fields the contract allows).
 */
export const ComparisonResponseSchema = ComparisonAnswerSchema.extend({
  basis: AnswerBasisSchema,
  /** Present only when there are no rows: why, and which periods have figures. */
  message: z.string().optional(),
});
export type ComparisonResponse = z.infer<typeof ComparisonResponseSchema>;

/** Reads one comparison; a period with no figures is an empty answer that says so, not an error. */
export async function readComparisonResponse(
  source: FiguresSource,
  query: ComparisonQuery,
  reference: FiguresReference,
): Promise<ComparisonResponse> {
  const lookup = await readComparison(source, query, reference);
  const basis = lookup.answer.basis ?? { latestMonth: null, loadedAt: null, complete: false };
  return lookup.found
    ? { ...lookup.answer, basis }
    : {
        ...lookup.answer,
        basis,
        message: missingFiguresMessage(query, lookup.periodsAvailable),
      };
}
