import type { CategoryTaxonomy, Month, MonthlyCount } from '@crimestats/domain';
import { CategoryResolver } from './category-resolver.ts';
import { CountIndex } from './count-index.ts';

/**
 * The supplied counts plus a derived record for every parent category that was not supplied for
 * an area and month but whose children were (see CategoryResolver for the rule). Supplied
 * records come first, unchanged; derived ones follow, by first appearance of their area and
 * month, then in taxonomy order.
 */
export function fillParentCategories(
  records: Iterable<MonthlyCount>,
  taxonomy: CategoryTaxonomy,
): MonthlyCount[] {
  const index = CountIndex.fromRecords(records);
  const resolver = new CategoryResolver(index, taxonomy);
  const parents = taxonomy
    .all()
    .filter((category) => taxonomy.derivationChildrenOf(category.code).length > 0);

  const areaMonths = new Map<string, { areaCode: string; month: Month }>();
  for (const { areaCode, month } of index.records()) {
    areaMonths.set(`${areaCode}|${month}`, { areaCode, month });
  }

  const derived: MonthlyCount[] = [];
  for (const { areaCode, month } of areaMonths.values()) {
    for (const parent of parents) {
      if (index.get(areaCode, parent.code, month) !== undefined) continue;
      const count = resolver.countFor(areaCode, parent.code, month);
      if (count !== undefined) derived.push({ areaCode, category: parent.code, month, count });
    }
  }
  return [...index.records(), ...derived];
}
