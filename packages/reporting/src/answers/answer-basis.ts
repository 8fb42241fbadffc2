import type { DataBasis, FigureRow } from '@crimestats/store';
import type { AnswerBasis } from './comparison-answer.ts';

/**
 * What an answer rests on: the newest month with data in its areas and the latest load that
 * touched its windows (null fields when there are none), and whether every figure it shows had
 * all its months.
 */
export function answerBasis(
  figures: readonly Pick<FigureRow, 'complete'>[],
  data: DataBasis | null,
): AnswerBasis {
  return {
    latestMonth: data?.latestMonth ?? null,
    loadedAt: data?.loadedAt?.toISOString() ?? null,
    complete: figures.length > 0 && figures.every((figure) => figure.complete),
  };
}
