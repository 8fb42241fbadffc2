import {
  defaultReference,
  withReferenceAreas,
  withReferenceCategories,
  type LoadedReference,
  type ReferenceAreaRow,
  type ReferenceCategoryRow,
  type ReferenceData,
} from '@crimestats/domain';
import type { Store } from './store.ts';

export type { LoadedReference };

/** The rows loaded with `crimestats reference load`, areas and categories. */
export async function loadedReference(store: {
  referenceAreas: Pick<Store['referenceAreas'], 'all'>;
  referenceCategories: Pick<Store['referenceCategories'], 'all'>;
}): Promise<LoadedReference> {
  const [areas, categories] = await Promise.all([
    store.referenceAreas.all(),
    store.referenceCategories.all(),
  ]);
  return { areas, categories };
}

/**
 * The reference every reader uses: the one in code (Derbyshire's) with the loaded reference areas
 * and categories applied. Populations stay the defaults here: loaded populations are applied where
 * figures are computed (`PopulationsRepository.appliedTo`), as before. Read once: a long-running
 * process that must see what is loaded later holds a `ReferenceSource` instead.
 */
export async function loadReference(
  store: Pick<Store, 'referenceAreas' | 'referenceCategories'>,
  base: ReferenceData = defaultReference,
): Promise<ReferenceData> {
  return referenceWith(base, await loadedReference(store));
}

export function referenceWith(
  base: ReferenceData,
  loaded: { areas: readonly ReferenceAreaRow[]; categories: readonly ReferenceCategoryRow[] },
): ReferenceData {
  if (loaded.areas.length === 0 && loaded.categories.length === 0) return base;
  return {
    ...base,
    areas: withReferenceAreas(base.areas, loaded.areas),
    categories: withReferenceCategories(base.categories, loaded.categories),
  };
}
