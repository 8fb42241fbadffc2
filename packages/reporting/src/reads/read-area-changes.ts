import { parseMonth, type Area } from '@crimestats/domain';
import type { AreaFiguresRepository, DataBasisRepository } from '@crimestats/store';
import { answerBasis } from '../answers/answer-basis.ts';
import {
  areaChangesFromFigures,
  type AreaChangesAnswer,
  type AreaChangesQuery,
} from '../answers/area-changes.ts';
import { missingAreaChangesMessage } from '../answers/missing-area-figures.ts';
import { answerScope } from './answer-scope.ts';
import {
  figuresOnDemand,
  periodsOnDemand,
  referenceForArea,
  type FiguresReference,
  type OnDemandSource,
} from './figures-on-demand.ts';
import { union } from './union.ts';

/** The parts of the store an area's changes are read from. */
export interface AreaChangesSource extends OnDemandSource {
  areaFigures: Pick<AreaFiguresRepository, 'readAreaPeriod' | 'periodsAvailable'>;
  basis: Pick<DataBasisRepository, 'read'>;
}

/**
 * One area's categories ranked by % change (stored, else computed from the records), with what
 * they rest on. With no figures for the period, an empty answer whose message names the periods
 * that have some.
 */
export async function readAreaChanges(
  source: AreaChangesSource,
  query: AreaChangesQuery,
  area: Area,
  asked: FiguresReference,
): Promise<AreaChangesAnswer> {
  const reference = referenceForArea(asked, area.code);
  const end = parseMonth(query.periodEnd);
  const [stored, data] = await Promise.all([
    source.areaFigures.readAreaPeriod({
      areaCode: query.areaCode,
      months: query.months,
      periodEnd: end,
    }),
    source.basis.read(answerScope(reference.areas, [area], end, end, query.months)),
  ]);
  const categories = reference.categories.all().map((category) => category.code);
  const figures =
    stored.length > 0
      ? stored
      : (
          await figuresOnDemand(source, reference, {
            categories,
            ends: [end],
            months: query.months,
          })
        ).filter((figure) => figure.areaCode === query.areaCode);
  const message =
    figures.length === 0
      ? missingAreaChangesMessage(
          area,
          query,
          union(
            await source.areaFigures.periodsAvailable(query.areaCode, query.months),
            await periodsOnDemand(source, reference, {
              categories,
              months: query.months,
              areaCodes: [query.areaCode],
            }),
          ),
        )
      : undefined;
  return areaChangesFromFigures(
    query,
    area,
    figures,
    reference.categories,
    answerBasis(figures, data),
    message,
  );
}
