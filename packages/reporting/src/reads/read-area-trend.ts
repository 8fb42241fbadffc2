import type { AreaFiguresRepository, FiguresRepository, LoadsRepository } from '@crimestats/store';
import { answerBasis } from '../answers/answer-basis.ts';
import {
  areaTrendFromFigures,
  type AreaTrendAnswer,
  type AreaTrendQuery,
  type TrendSubjects,
} from '../answers/area-trend.ts';
import { missingTrendMessage } from '../answers/missing-area-figures.ts';

/** The parts of the store a trend is read from. */
export interface AreaTrendSource {
  areaFigures: Pick<AreaFiguresRepository, 'readAreasRange'>;
  figures: Pick<FiguresRepository, 'periodsAvailable'>;
  loads: Pick<LoadsRepository, 'latest'>;
}

/**
 * An area's rolling series for one category with its comparators' beside it, and the load they
 * rest on. With no figures in the range, an empty answer whose message names the periods that
 * have some.
 */
export async function readAreaTrend(
  source: AreaTrendSource,
  query: AreaTrendQuery,
  subjects: TrendSubjects,
): Promise<AreaTrendAnswer> {
  const [figures, latestLoad] = await Promise.all([
    source.areaFigures.readAreasRange({
      category: query.category,
      areaCodes: [subjects.area.code, ...subjects.comparators.map((area) => area.code)],
      months: query.months,
      fromEnd: query.fromEnd,
      toEnd: query.toEnd,
    }),
    source.loads.latest(),
  ]);
  const message =
    figures.length === 0
      ? missingTrendMessage(
          subjects.area,
          subjects.category,
          query,
          await source.figures.periodsAvailable(query.category, query.months),
        )
      : undefined;
  return areaTrendFromFigures(query, subjects, figures, answerBasis(figures, latestLoad), message);
}
