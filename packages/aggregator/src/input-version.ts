import type { Store } from '@crimestats/store';
import type { ForcePlan } from './recompute-plan.ts';

/**
 * The version a force's figures are stored with: the sum of the revisions of the latest records of
 * its CSP areas and of every loaded population, all that its figures can read.
 *
 * It is read before any of the data a recompute reads, and it only grows as data arrives, so a row
 * computed from data missing some insert has a lower version than any computed after that insert.
 * Two instances (or a replay) computing a figure from the same data store the same version, and
 * of equal versions the table keeps either (they are the same numbers), so whichever recompute
 * stores last, the row left is one computed from the latest data. No clock takes part.
 *
 * The reference is not in it: after a reference load the same data gives the same version, and of
 * equal versions the table keeps the last stored. So a load's own recompute replaces the rows, and
 * a batch computed with the old reference while a load was stored is computed again and stored
 * after it (TopicHandling.recheckReference).
 */
export async function inputVersions(
  store: Store,
  forces: readonly ForcePlan[],
): Promise<Map<string, bigint>> {
  const sums = await store.inputRevisions.sums(forces.flatMap((force) => force.csps));
  return new Map(
    forces.map((force) => [
      force.code,
      force.csps.reduce((sum, csp) => sum + (sums.records.get(csp) ?? 0n), sums.populations),
    ]),
  );
}
