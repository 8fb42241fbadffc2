import type { CategoryResolver } from './category-resolver.ts';
import { monthsOf, type Window } from '@crimestats/domain';

/** One area's count over one window. */
export interface WindowTotal {
  volume: number;
  /** At least one month of the window has a record (an explicit zero counts). */
  hasData: boolean;
  /** Every month of the window has a record, complete itself (see ResolvedCount). */
  complete: boolean;
}

export function windowTotal(
  resolver: CategoryResolver,
  areaCode: string,
  category: string,
  window: Window,
): WindowTotal {
  let volume = 0;
  let present = 0;
  let complete = 0;
  for (const month of monthsOf(window)) {
    const resolved = resolver.resolve(areaCode, category, month);
    if (resolved === undefined) continue;
    volume += resolved.count;
    present += 1;
    if (resolved.complete) complete += 1;
  }
  return { volume, hasData: present > 0, complete: complete === window.months };
}

/**
 * A rollup's total from its members': volumes add up, it has data if any member has, and it is
 * complete only if every member is.
 */
export function combineWindowTotals(totals: readonly WindowTotal[]): WindowTotal {
  return {
    volume: totals.reduce((sum, total) => sum + total.volume, 0),
    hasData: totals.some((total) => total.hasData),
    complete: totals.every((total) => total.complete),
  };
}
