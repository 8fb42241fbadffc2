import {
  defaultReference,
  withReferenceAreas,
  type ReferenceAreaRow,
  type ReferenceData,
} from '@crimestats/domain';
import type { Store } from './store.ts';

/**
 * The reference every reader uses: the one in code (Derbyshire's) with the loaded reference areas
 * applied. Populations stay the defaults here: loaded populations are applied where figures are
 * computed (`PopulationsRepository.appliedTo`), as before. Read once: a long-running process that
 * must see areas loaded later holds a `ReferenceSource` instead.
 */
export async function loadReference(
  store: Pick<Store, 'referenceAreas'>,
  base: ReferenceData = defaultReference,
): Promise<ReferenceData> {
  return referenceWith(base, await store.referenceAreas.all());
}

export function referenceWith(
  base: ReferenceData,
  rows: readonly ReferenceAreaRow[],
): ReferenceData {
  return rows.length === 0 ? base : { ...base, areas: withReferenceAreas(base.areas, rows) };
}
