import {
  defaultReference,
  type Area,
  type AreaRegistry,
  type ReferenceData,
} from '@crimestats/domain';
import { loadReference, referenceWith } from '@crimestats/store';
import {
  ALL_FORCES,
  boardPackReadsFrom,
  readAreaChanges,
  readBoardPack,
  readAreaTrend,
  readComparisonResponse,
  type AreaChangesAnswer,
  type AreaChangesQuery,
  type AreaTrendAnswer,
  type AreaTrendQuery,
  type BoardPack,
  type BoardPackQuery,
  type ComparisonQuery,
  type ComparisonResponse,
  type FiguresReference,
  type FiguresStoreOptions,
  type TrendSubjects,
} from '@crimestats/reporting';
import type { CliConfig } from '../../config.ts';
import { UserError } from '../../user-error.ts';
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
  /** The areas and categories the flags are checked against. */
  reference: ReferenceData;
  comparison(query: ComparisonQuery): Promise<ComparisonResponse>;
  areaChanges(request: ChangesRequest): Promise<AreaChangesAnswer>;
  areaTrend(request: TrendRequest): Promise<AreaTrendAnswer>;
  /** The Board pack's answers: the plan categories' comparisons and `areas`' changes. */
  boardPack(query: BoardPackQuery, areas: readonly Area[]): Promise<BoardPack>;
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
    reference,
    comparison: (query) =>
      withReportStore(options, (store) => readComparisonResponse(store, query, reference)),
    areaChanges: ({ query, area }) =>
      withReportStore(options, (store) => readAreaChanges(store, query, area, reference)),
    areaTrend: ({ query, subjects }) =>
      withReportStore(options, (store) => readAreaTrend(store, query, subjects, reference)),
    // One opening of the store for all of the pack's answers.
    boardPack: (query, areas) =>
      withReportStore(options, (store) =>
        readBoardPack(boardPackReadsFrom(store, reference), query, areas),
      ),
  };
}

/** Answers from a running server's reporting API, checked against their schemas. */
export function serverReportReader(
  server: { url: string; token: string },
  reference: ReferenceData = defaultReference,
  /** Asked for as `force=`; the server's own force when omitted. */
  force?: string,
): ReportReader {
  const ask = answerFromServer(server);
  const forced: Record<string, string> = force === undefined ? {} : { force };
  const comparison = (query: ComparisonQuery) =>
    ask.comparison({
      category: query.category,
      period: query.periodEnd,
      months: String(query.months),
      ...forced,
    });
  const changes = (query: AreaChangesQuery) =>
    ask.areaChanges(query.areaCode, {
      period: query.periodEnd,
      months: String(query.months),
      ...forced,
    });
  return {
    reference,
    comparison,
    areaChanges: ({ query }) => changes(query),
    areaTrend: ({ query }) =>
      ask.areaTrend(query.areaCode, {
        category: query.category,
        from: query.fromEnd,
        to: query.toEnd,
        months: String(query.months),
        ...forced,
      }),
    // The pack from the API's own answers, laid out here as the API lays out /v1/packs.
    boardPack: (query, areas) => readBoardPack({ comparison, changes }, query, areas),
  };
}

/**
 * The running server's API when there is one, else the store, with the store's reference (the
 * one in code with the loaded areas and categories; from the server, the rows it loaded) and
 * `force` (CRIMESTATS_FORCE unless given) as the force whose areas are compared; the server
 * is asked with `force=` only when `force` is given, and otherwise answers for its own force.
 * `force` may be `all`: every loaded force (the national table; an area's report: its force).
 */
export async function reportReaderFor(config: CliConfig, force?: string): Promise<ReportReader> {
  const forceCode = force ?? config.forceCode;
  const server = await runningReportServer(config);
  if (server) {
    const reference = referenceWith(
      defaultReference,
      await answerFromServer(server).loadedReference(),
    );
    if (force !== undefined) knownForce(reference.areas, force, '--force');
    return serverReportReader(server, reference, force);
  }
  const options = figuresStoreOptions(config);
  const loaded = await withReportStore(options, (store) => loadReference(store));
  knownForce(loaded.areas, forceCode, force === undefined ? 'CRIMESTATS_FORCE' : '--force');
  return storeReportReader(options, { ...loaded, forceCode });
}

/** Refuses a code that is neither `all` nor a force of `areas`, listing the forces. */
export function knownForce(areas: AreaRegistry, code: string, setting: string): void {
  if (code === ALL_FORCES || areas.byCode(code)?.kind === 'force') return;
  const forces = areas.forces().map((f) => `${f.code} (${f.policeForce?.name ?? f.name})`);
  throw new UserError(`${setting}: unknown force "${code}"; one of: ${forces.join(', ')}`);
}
