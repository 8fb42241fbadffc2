import type { FigureRow, Load } from '@crimestats/store';
import type { AnswerBasis } from './comparison-answer.ts';

/**
 * What an answer rests on: the most recent load (null fields before the first one) and whether
 * every figure it shows had all its months.
 */
export function answerBasis(
  figures: readonly Pick<FigureRow, 'complete'>[],
  latestLoad: Pick<Load, 'latestMonth' | 'loadedAt'> | null,
): AnswerBasis {
  return {
    latestMonth: latestLoad?.latestMonth ?? null,
    loadedAt: latestLoad?.loadedAt.toISOString() ?? null,
    complete: figures.length > 0 && figures.every((figure) => figure.complete),
  };
}
