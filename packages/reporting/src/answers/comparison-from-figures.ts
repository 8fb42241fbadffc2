import { parseMonth, type CategoryTaxonomy, windowEndingAt } from '@crimestats/domain';
import type { FigureRow } from '@crimestats/store';
import {
  ComparisonAnswerSchema,
  type AnswerBasis,
  type ComparisonAnswer,
  type ComparisonAnswerRow,
} from './comparison-answer.ts';
import type { ComparisonQuery } from '../requests/comparison-query.ts';

/** What the answer needs beyond the figures: the category's display name. */
export interface AnswerReference {
  categories: CategoryTaxonomy;
}

const KIND_ORDER: Readonly<Record<FigureRow['areaKind'], number>> = { csp: 0, county: 1, force: 2 };

/**
 * The comparison answer for one query from the stored figures, which the aggregator computed:
 * nothing is recomputed here, only ordered and reshaped. CSP rows come by rank (unranked ones
 * last, ties by name), then the county rollups, then the force. No figures give an answer with
 * no rows, which the caller must report as missing rather than show.
 */
export function comparisonFromFigures(
  query: ComparisonQuery,
  figures: readonly FigureRow[],
  reference: AnswerReference,
  basis?: AnswerBasis,
): ComparisonAnswer {
  const category = reference.categories.get(query.category);
  const period = windowEndingAt(parseMonth(query.periodEnd), query.months);
  assertFiguresAnswer(query, figures);
  return ComparisonAnswerSchema.parse({
    category: { code: category.code, name: category.name },
    period,
    rows: [...figures].sort(answerOrder).map(toAnswerRow),
    ...(basis === undefined ? {} : { basis }),
  });
}

// Mixed or duplicated rows would be a bug in the reader, and would print a wrong table silently.
export function assertFiguresAnswer(query: ComparisonQuery, figures: readonly FigureRow[]): void {
  const seen = new Set<string>();
  for (const figure of figures) {
    if (
      figure.category !== query.category ||
      figure.months !== query.months ||
      figure.periodEnd !== query.periodEnd
    ) {
      throw new RangeError(
        `figure for ${figure.areaCode} is ${figure.category}/${figure.months}/${figure.periodEnd}, ` +
          `not the query's ${query.category}/${query.months}/${query.periodEnd}`,
      );
    }
    if (seen.has(figure.areaCode)) throw new RangeError(`two figures for ${figure.areaCode}`);
    seen.add(figure.areaCode);
  }
}

function answerOrder(a: FigureRow, b: FigureRow): number {
  const byKind = KIND_ORDER[a.areaKind] - KIND_ORDER[b.areaKind];
  if (byKind !== 0) return byKind;
  const byRank = (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY);
  if (byRank !== 0 && !Number.isNaN(byRank)) return byRank;
  return a.areaName < b.areaName ? -1 : a.areaName > b.areaName ? 1 : 0;
}

// Field by field, in the contract's order.
export function toAnswerRow(figure: FigureRow): ComparisonAnswerRow {
  return {
    area: { code: figure.areaCode, name: figure.areaName, kind: figure.areaKind },
    volume: figure.volume,
    population: figure.population,
    ratePer1000: figure.ratePer1000,
    rank: figure.rank,
    previousVolume: figure.previousVolume,
    volumeChange: figure.volumeChange,
    percentChange: figure.percentChange,
    complete: figure.complete,
    zScore: figure.zScore,
    significant: figure.significant,
  };
}
