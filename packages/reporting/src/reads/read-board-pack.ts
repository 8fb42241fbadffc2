import { PLAN_CATEGORIES, type Area } from '@crimestats/domain';
import type { AreaChangesAnswer, AreaChangesQuery } from '../answers/area-changes.ts';
import { boardPackFrom, type BoardPack, type BoardPackQuery } from '../answers/board-pack.ts';
import type { ComparisonQuery } from '../requests/comparison-query.ts';
import { readComparisonResponse, type ComparisonResponse } from './comparison-response.ts';
import type { FiguresReference } from './figures-on-demand.ts';
import { readAreaChanges, type AreaChangesSource } from './read-area-changes.ts';
import type { FiguresSource } from './read-comparison.ts';

/**
 * Where the pack's answers come from: the store, the HTTP service's cached reads, or a running
 * server's API. The pack is only ever built from these answers, so it says what they say.
 */
export interface BoardPackReads {
  comparison(query: ComparisonQuery): Promise<ComparisonResponse>;
  changes(query: AreaChangesQuery, area: Area): Promise<AreaChangesAnswer>;
}

/** The answers read from the store directly. */
export function boardPackReadsFrom(
  source: FiguresSource & AreaChangesSource,
  reference: FiguresReference,
): BoardPackReads {
  return {
    comparison: (query) => readComparisonResponse(source, query, reference),
    changes: (query, area) => readAreaChanges(source, query, area, reference),
  };
}

/**
 * Reads every answer the Board pack shows: each plan category's comparison, and the changes of
 * each of `areas` (the CSP areas the reader may see).
 */
export async function readBoardPack(
  reads: BoardPackReads,
  query: BoardPackQuery,
  areas: readonly Area[],
): Promise<BoardPack> {
  const { periodEnd, months } = query;
  const [comparisons, changes] = await Promise.all([
    Promise.all(
      PLAN_CATEGORIES.map(({ code }) => reads.comparison({ category: code, periodEnd, months })),
    ),
    Promise.all(
      areas.map((area) => reads.changes({ areaCode: area.code, periodEnd, months }, area)),
    ),
  ]);
  return boardPackFrom(query, comparisons, changes);
}
