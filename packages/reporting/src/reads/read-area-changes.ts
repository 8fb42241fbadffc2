import type { Area, CategoryTaxonomy } from '@crimestats/domain';
import type { AreaFiguresRepository, LoadsRepository } from '@crimestats/store';
import { answerBasis } from '../answers/answer-basis.ts';
import {
  areaChangesFromFigures,
  type AreaChangesAnswer,
  type AreaChangesQuery,
} from '../answers/area-changes.ts';
import { missingAreaChangesMessage } from '../answers/missing-area-figures.ts';

/** The parts of the store an area's changes are read from. */
export interface AreaChangesSource {
  areaFigures: Pick<AreaFiguresRepository, 'readAreaPeriod' | 'periodsAvailable'>;
  loads: Pick<LoadsRepository, 'latest'>;
}

/**
 * One area's categories ranked by % change, with the load they rest on. With no figures for the
 * period, an empty answer whose message names the periods that have some.
 */
export async function readAreaChanges(
  source: AreaChangesSource,
  query: AreaChangesQuery,
  area: Area,
  categories: CategoryTaxonomy,
): Promise<AreaChangesAnswer> {
  const [figures, latestLoad] = await Promise.all([
    source.areaFigures.readAreaPeriod({
      areaCode: query.areaCode,
      months: query.months,
      periodEnd: query.periodEnd,
    }),
    source.loads.latest(),
  ]);
  const basis = answerBasis(figures, latestLoad);
  const message =
    figures.length === 0
      ? missingAreaChangesMessage(
          area,
          query,
          await source.areaFigures.periodsAvailable(query.areaCode, query.months),
        )
      : undefined;
  return areaChangesFromFigures(query, area, figures, categories, basis, message);
}
