import type { AreaRegistry, CategoryTaxonomy, PopulationTable } from '@crimestats/domain';

export interface AggregatorReference {
  areas: AreaRegistry;
  categories: CategoryTaxonomy;
  /** The default populations; loaded population files extend and correct them. */
  populations: PopulationTable;
  /** The force whose areas are compared. */
  forceCode: string;
}
