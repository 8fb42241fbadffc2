import type { AreaRegistry, CategoryTaxonomy, PopulationTable } from '@crimestats/domain';
import type { Store } from '@crimestats/store';

export interface AggregatorReference {
  areas: AreaRegistry;
  categories: CategoryTaxonomy;
  /** The default populations; loaded population files extend and correct them. */
  populations: PopulationTable;
  /** The force whose areas are compared. */
  forceCode: string;
}

/** The populations a recompute uses: the defaults with every loaded population file applied. */
export async function currentPopulations(
  store: Store,
  defaults: PopulationTable,
): Promise<PopulationTable> {
  const loaded = await store.populations.all();
  return loaded.length === 0 ? defaults : defaults.withRows(loaded);
}
