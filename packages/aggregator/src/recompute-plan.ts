import {
  addMonthsWithin,
  compareMonths,
  monthsBetween,
  periodSpan,
  type AreaRegistry,
  type Month,
} from '@crimestats/domain';

/** How much a recompute may hold at once; each bound is an estimate made before reading. */
export interface RecomputeLimits {
  /** Figure rows per chunk handed on, and so per insert. */
  chunkRows: number;
  /**
   * Stored figure rows per read to tell what changed: categories × areas × period ends. Two reads
   * are held at once, the one being compared and the next.
   */
  existingRows: number;
  /** Stored records read at once: categories needed × CSP areas × months read. */
  records: number;
}

/**
 * Sized for a national recompute to stay well under 500 MB: about 400 MB at 350 areas ×
 * 60 categories × 60 months, where the objects the store parses and validates cost more than
 * their rows' size suggests. A Derbyshire recompute fits in one read of each.
 */
export const DEFAULT_RECOMPUTE_LIMITS: RecomputeLimits = {
  chunkRows: 10_000,
  existingRows: 12_500,
  records: 50_000,
};

/** A force to recompute: its CSP areas (whose records it reads) and how many areas get figures. */
export interface ForcePlan {
  code: string;
  csps: string[];
  figureAreas: number;
}

export function forcePlans(areas: AreaRegistry, forceCodes: readonly string[]): ForcePlan[] {
  return [...new Set(forceCodes)].map((code) => {
    const csps = areas.cspMembersOf(code).map((area) => area.code);
    return { code, csps, figureAreas: csps.length + areas.rollupsWithin(code).length + 1 };
  });
}

/** The period ends of one window length, and the months their windows read. */
export interface EndsPlan {
  ends: Month[];
  first: Month;
  last: Month;
  /** Quarterly records start up to two months before the earliest month they count in. */
  fromMonth: Month;
  /** Months from fromMonth to last, both included. */
  monthsRead: number;
  /** Months from the first end to the last, both included. */
  endSpan: number;
}

export function endsPlan(ends: readonly Month[], months: number): EndsPlan | undefined {
  const sorted = [...new Set(ends)].sort(compareMonths);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const fromMonth = addMonthsWithin(periodSpan(first, months).first, -2);
  return {
    ends: sorted,
    first,
    last,
    fromMonth,
    monthsRead: monthsBetween(fromMonth, last) + 1,
    endSpan: monthsBetween(first, last) + 1,
  };
}

/** Categories and period ends whose stored figures are read, and whose figures computed, together. */
export interface WorkUnit {
  categories: string[];
  ends: Month[];
}

/**
 * The scope cut into units whose stored figures (categories × areas × months from their first end
 * to their last) fit the budget: groups of categories over every end while one category fits,
 * else one category at a time over runs of ends.
 */
export function workUnits(
  categories: readonly string[],
  plan: EndsPlan,
  figureAreas: number,
  budget: number,
): WorkUnit[] {
  if (figureAreas * plan.endSpan <= budget) {
    return batches(categories, budget, (g) => g.length * figureAreas * plan.endSpan).map(
      (group) => ({ categories: group, ends: plan.ends }),
    );
  }
  const runs = batches(plan.ends, budget, (run) => {
    const span = monthsBetween(run[0]!, run[run.length - 1]!) + 1;
    return span * figureAreas;
  });
  return categories.flatMap((category) => runs.map((ends) => ({ categories: [category], ends })));
}

/**
 * Splits items, in order, into runs whose weights add up to at most `budget`; an item heavier than
 * the budget gets a run of its own. `weight` sees the run so far, for weights that depend on it.
 */
export function batches<T>(
  items: readonly T[],
  budget: number,
  weight: (run: readonly T[]) => number,
): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  for (const item of items) {
    if (run.length > 0 && weight([...run, item]) > budget) {
      runs.push(run);
      run = [];
    }
    run.push(item);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
