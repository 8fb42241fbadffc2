import { monthRange, parseMonth } from '@crimestats/domain';
import type {
  AreaFiguresRepository,
  DataBasisRepository,
  FiguresRepository,
} from '@crimestats/store';
import { answerBasis } from '../answers/answer-basis.ts';
import {
  areaTrendFromFigures,
  type AreaTrendAnswer,
  type AreaTrendQuery,
  type TrendSubjects,
} from '../answers/area-trend.ts';
import { missingTrendMessage } from '../answers/missing-area-figures.ts';
import { answerScope } from './answer-scope.ts';
import {
  figuresOnDemand,
  periodsOnDemand,
  referenceForArea,
  type FiguresReference,
  type OnDemandSource,
} from './figures-on-demand.ts';
import { union } from './union.ts';

/** The parts of the store a trend is read from. */
export interface AreaTrendSource extends OnDemandSource {
  areaFigures: Pick<AreaFiguresRepository, 'readAreasRange'>;
  figures: Pick<FiguresRepository, 'periodsAvailable'>;
  basis: Pick<DataBasisRepository, 'read'>;
}

/**
 * An area's rolling series for one category with its comparators' beside it (stored figures
 * where there are any, the others computed from the records), and what they rest on. With no figures in the range, an empty
 * answer whose message names the periods that have some.
 */
export async function readAreaTrend(
  source: AreaTrendSource,
  query: AreaTrendQuery,
  subjects: TrendSubjects,
  asked: FiguresReference,
): Promise<AreaTrendAnswer> {
  const reference = referenceForArea(asked, subjects.area.code);
  const [from, to] = [parseMonth(query.fromEnd), parseMonth(query.toEnd)];
  const lineAreas = [subjects.area, ...subjects.comparators];
  const areaCodes = new Set(lineAreas.map((area) => area.code));
  const [stored, data] = await Promise.all([
    source.areaFigures.readAreasRange({
      category: query.category,
      areaCodes: [...areaCodes],
      months: query.months,
      fromEnd: from,
      toEnd: to,
    }),
    source.basis.read(answerScope(reference.areas, lineAreas, from, to, query.months)),
  ]);
  // Period ends with no stored figure (all of them for a window the aggregator does not keep;
  // some, for one added to its windows after earlier data was loaded) are computed.
  const storedEnds = new Set(stored.map((figure) => figure.periodEnd));
  const missing = monthRange(from, to).filter((end) => !storedEnds.has(end));
  const computed =
    missing.length === 0
      ? []
      : await figuresOnDemand(source, reference, {
          categories: [query.category],
          ends: missing,
          months: query.months,
        });
  const figures = [...stored, ...computed.filter((figure) => areaCodes.has(figure.areaCode))];
  const message =
    figures.length === 0
      ? missingTrendMessage(
          subjects.area,
          subjects.category,
          query,
          union(
            await source.figures.periodsAvailable(query.category, query.months),
            await periodsOnDemand(source, reference, {
              categories: [query.category],
              months: query.months,
            }),
          ),
        )
      : undefined;
  return areaTrendFromFigures(query, subjects, figures, answerBasis(figures, data), message);
}
