import { defaultReference, withReferenceAreas, type ReferenceData } from '@crimestats/domain';
import type { Store } from './store.ts';

/**
 * The reference every reader uses: the one in code (Derbyshire's) with the loaded reference areas
 * applied. Populations stay the defaults here: loaded populations are applied where figures are
 * computed (`PopulationsRepository.appliedTo`), as before. Read once at start-up: a process sees
 * areas loaded later when it restarts (or reloads, as single-machine mode does per command).
 */
export async function loadReference(
  store: Pick<Store, 'referenceAreas'>,
  base: ReferenceData = defaultReference,
): Promise<ReferenceData> {
  const rows = await store.referenceAreas.all();
  return rows.length === 0 ? base : { ...base, areas: withReferenceAreas(base.areas, rows) };
}
