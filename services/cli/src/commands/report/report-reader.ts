import { defaultReference, type Area } from '@crimestats/domain';
import {
  readAreaChanges,
  readAreaTrend,
  readComparisonResponse,
  type AreaChangesAnswer,
  type AreaChangesQuery,
  type AreaTrendAnswer,
  type AreaTrendQuery,
  type ComparisonQuery,
  type ComparisonResponse,
  type FiguresReference,
  type FiguresStoreOptions,
  type TrendSubjects,
} from '@crimestats/reporting';
import type { CliConfig } from '../../config.ts';
import { answerFromServer } from './server-answers.ts';
import { figuresStoreOptions, runningReportServer, withReportStore } from './store.ts';

export interface ChangesRequest {
  query: AreaChangesQuery;
  area: Area;
}

export interface TrendRequest {
  query: AreaTrendQuery;
  subjects: TrendSubjects;
}

/**
 * Where every `report` command reads its answer, one way for all of them: the API of the
 * `crimestats up` running on this machine (it owns the embedded engine's data folder), or the
 * store itself. Either gives the answer the reporting API gives, empty rows and message included.
 */
export interface ReportReader {
  comparison(query: ComparisonQuery): Promise<ComparisonResponse>;
  areaChanges(request: ChangesRequest): Promise<AreaChangesAnswer>;
  areaTrend(request: TrendRequest): Promise<AreaTrendAnswer>;
}

/**
 * Answers from the store: each read opens it, reads, and closes it. Windows the aggregator does
 * not keep are computed with `reference`, which must be the aggregator's (its force included).
 */
export function storeReportReader(
  options: FiguresStoreOptions,
  reference: FiguresReference,
): ReportReader {
  return {
    comparison: (query) =>
      withReportStore(options, (store) => readComparisonResponse(store, query, reference)),
    areaChanges: ({ query, area }) =>
      withReportStore(options, (store) => readAreaChanges(store, query, area, reference)),
    areaTrend: ({ query, subjects }) =>
      withReportStore(options, (store) => readAreaTrend(store, query, subjects, reference)),
  };
}

/** Answers from a running server's reporting API, checked against their schemas. */
export function serverReportReader(server: { url: string; token: string }): ReportReader {
  const ask = answerFromServer(server);
  return {
    comparison: (query) =>
      ask.comparison({
        category: query.category,
        period: query.periodEnd,
        months: String(query.months),
      }),
    areaChanges: ({ query }) =>
      ask.areaChanges(query.areaCode, {
        period: query.periodEnd,
        months: String(query.months),
      }),
    areaTrend: ({ query }) =>
      ask.areaTrend(query.areaCode, {
        category: query.category,
        from: query.fromEnd,
        to: query.toEnd,
        months: String(query.months),
      }),
  };
}

/** The running server's API when there is one, else the store. */
export async function reportReaderFor(config: CliConfig): Promise<ReportReader> {
  const server = await runningReportServer(config);
  if (server) return serverReportReader(server);
  const reference = { ...defaultReference, forceCode: config.forceCode };
  return storeReportReader(figuresStoreOptions(config), reference);
}
