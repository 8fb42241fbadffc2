import {
  PLAN_CATEGORIES,
  parseMonth,
  windowEndingAt,
  type PlanCategory,
  type Window,
} from '@crimestats/domain';
import type { AreaChangeRow, AreaChangesAnswer } from './area-changes.ts';
import type { AnswerBasis } from './comparison-answer.ts';
import type { ComparisonResponse } from '../reads/comparison-response.ts';

/** The Board pack asked for: one period end and window length, as a comparison takes them. */
export interface BoardPackQuery {
  periodEnd: string;
  months: number;
}

/**
 * What the Board pack shows, every part an answer the API gives on its own: the comparison of
 * each plan category, and the changes of each CSP area the reader may see.
 */
export interface BoardPack {
  period: Window;
  /** One per plan category, in the plan's order. */
  comparisons: { category: PlanCategory; answer: ComparisonResponse }[];
  /** One per CSP area, in the reference data's order. */
  areaChanges: AreaChangesAnswer[];
  /** What the comparisons rest on, together (they share their areas and windows). */
  basis: AnswerBasis;
  /** Present only when no plan category has figures for the period: why, and what to do. */
  message?: string;
}

/** How many of an area's increases the pack lists. */
export const PACK_INCREASES_PER_AREA = 5;

/**
 * The pack from its answers. Its basis is the latest of the comparisons' (their areas and windows
 * are the same, so in practice they agree), complete only when every comparison is. A pack is
 * empty only when every comparison is: then the first one's message (total crime, which every
 * load reaches) says which periods have figures.
 */
export function boardPackFrom(
  query: BoardPackQuery,
  comparisons: readonly ComparisonResponse[],
  areaChanges: readonly AreaChangesAnswer[],
): BoardPack {
  if (comparisons.length !== PLAN_CATEGORIES.length) {
    throw new RangeError(
      `a Board pack has ${PLAN_CATEGORIES.length} comparisons, got ${comparisons.length}`,
    );
  }
  const bases = comparisons.map((answer) => answer.basis);
  const empty = comparisons.every((answer) => answer.rows.length === 0);
  return {
    period: windowEndingAt(parseMonth(query.periodEnd), query.months),
    comparisons: comparisons.map((answer, at) => ({ category: PLAN_CATEGORIES[at]!, answer })),
    areaChanges: [...areaChanges],
    basis: {
      latestMonth: latest(bases.map((basis) => basis.latestMonth)),
      loadedAt: latest(bases.map((basis) => basis.loadedAt)),
      complete: bases.every((basis) => basis.complete),
    },
    ...(empty ? { message: comparisons[0]?.message ?? 'no figures for this period' } : {}),
  };
}

// Months and ISO 8601 UTC times both sort as text.
function latest(values: readonly (string | null)[]): string | null {
  return values.reduce<string | null>(
    (best, value) => (value !== null && (best === null || value > best) ? value : best),
    null,
  );
}

/**
 * An area's biggest increases: the first complete rows of its changes answer (already largest %
 * increase first) that rose. Incomplete rows are left out: their change is not comparable.
 */
export function biggestIncreases(
  answer: AreaChangesAnswer,
  count = PACK_INCREASES_PER_AREA,
): AreaChangeRow[] {
  return answer.rows
    .filter((row) => row.complete && row.percentChange !== null && row.percentChange > 0)
    .slice(0, count);
}
