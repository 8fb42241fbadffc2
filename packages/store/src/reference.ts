import {
  defaultReference,
  withReferenceAreas,
  withReferenceCategories,
  type ReferenceData,
} from '@crimestats/domain';
import type { Store } from './store.ts';

/**
 * The reference every reader uses: the one in code (Derbyshire's) with the loaded reference areas
 * and categories applied. Populations stay the defaults here: loaded populations are applied where
 * figures are computed (`PopulationsRepository.appliedTo`), as before. Read once at start-up: a
 * process sees what is loaded later when it restarts (or reloads, as single-machine mode does per
 * command).
 */
export async function loadReference(
  store: Pick<Store, 'referenceAreas' | 'referenceCategories'>,
  base: ReferenceData = defaultReference,
): Promise<ReferenceData> {
  const [areas, categories] = await Promise.all([
    store.referenceAreas.all(),
    store.referenceCategories.all(),
  ]);
  if (areas.length === 0 && categories.length === 0) return base;
  return {
    ...base,
    areas: withReferenceAreas(base.areas, areas),
    categories: withReferenceCategories(base.categories, categories),
  };
}
