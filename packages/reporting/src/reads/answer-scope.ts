import { periodSpan, type Area, type AreaRegistry, type Month } from '@crimestats/domain';
import type { DataBasisQuery } from '@crimestats/store';

/**
 * What an answer's basis is read over: the CSP areas its rows are made from, and the months from
 * the first period's previous window to the last period end.
 */
export function answerScope(
  areas: AreaRegistry,
  shown: readonly Pick<Area, 'code'>[],
  firstEnd: Month,
  lastEnd: Month,
  months: number,
): DataBasisQuery {
  const codes = new Set(shown.flatMap((area) => areas.cspMembersOf(area.code).map((a) => a.code)));
  return {
    areaCodes: [...codes].sort(),
    fromMonth: periodSpan(firstEnd, months).first,
    toMonth: lastEnd,
  };
}
