import type { Area } from '@crimestats/domain';
import {
  AnswerCache,
  DataVersionWatch,
  readAreaChanges,
  readAreaTrend,
  readComparisonResponse,
  reportStore,
  type AreaChangesAnswer,
  type AreaChangesQuery,
  type AreaTrendAnswer,
  type AreaTrendQuery,
  type ComparisonQuery,
  type ComparisonResponse,
  type FiguresReference,
  type TrendSubjects,
} from '@crimestats/reporting';
import { cspCodesOf } from '@crimestats/stats';
import { DataVersionRepository, type openClickHouse } from '@crimestats/store';
import { StoreReadError } from './errors.ts';
import type { ReportingMetrics } from './metrics.ts';

/** A connection to ClickHouse, server or embedded, as the store opens it. */
export type ClickHouseClient = ReturnType<typeof openClickHouse>;

export interface AnswerCacheSettings {
  /** How long a checked data version is trusted, so how much an answer may lag the store. */
  versionTtlMs: number;
  /** Most answers kept per kind. */
  maxEntries: number;
}

/** Every answer the service gives from the store, each read or taken from the cache. */
export interface ReportingReads {
  /**
   * `forceCode`: the force whose areas are compared (a known force), or `all` for the national
   * table (an area's reports: the area's force); the reference's if omitted.
   */
  comparison(query: ComparisonQuery, forceCode?: string): Promise<ComparisonResponse>;
  changes(query: AreaChangesQuery, area: Area, forceCode?: string): Promise<AreaChangesAnswer>;
  trend(
    query: AreaTrendQuery,
    subjects: TrendSubjects,
    forceCode?: string,
  ): Promise<AreaTrendAnswer>;
  /** Throws unless the store answers a query on the figures and loads tables. */
  check(): Promise<void>;
}

export interface ReportingReadsDeps {
  client: ClickHouseClient;
  database: string;
  /** The aggregator's reference data and force, which windows it does not keep are computed with. */
  reference: FiguresReference;
  metrics: ReportingMetrics;
  cache?: AnswerCacheSettings | undefined;
}

async function fromStore<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw new StoreReadError('the figures store did not answer; try again shortly', {
      cause: error,
    });
  }
}

/**
 * Store reads behind an optional cache, which keeps answers computed on demand from the records
 * as it keeps stored ones: the data version moves with every load and population file. The cache
 * keys are built only from validated parameters; the area's and category's own records come
 * from the reference data.
 */
export function reportingReads(deps: ReportingReadsDeps): ReportingReads {
  // A force the reference does not have is a configuration error: refused here, not per request.
  cspCodesOf(deps.reference.areas, deps.reference.forceCode);
  const source = reportStore(deps.client, deps.database);
  const version = new DataVersionRepository(deps.client, deps.database);
  const versions =
    deps.cache === undefined
      ? undefined
      : new DataVersionWatch({ source: version, versionTtlMs: deps.cache.versionTtlMs });

  function cached<T>(name: string) {
    const cache =
      versions === undefined || deps.cache === undefined
        ? undefined
        : new AnswerCache<T>({ versions, maxEntries: deps.cache.maxEntries });
    return async (key: string, read: () => Promise<T>): Promise<T> => {
      if (cache === undefined) {
        deps.metrics.observeAnswer(name, 'miss');
        return fromStore(read);
      }
      const outcome = await fromStore(() => cache.get(key, read));
      deps.metrics.observeAnswer(name, outcome.hit ? 'hit' : 'miss');
      return outcome.value;
    };
  }
  const comparisons = cached<ComparisonResponse>('comparison');
  const changes = cached<AreaChangesAnswer>('area-changes');
  const trends = cached<AreaTrendAnswer>('area-trend');
  // Another force of the reference is the same reference with that force compared.
  const forReference = (forceCode = deps.reference.forceCode): FiguresReference =>
    forceCode === deps.reference.forceCode ? deps.reference : { ...deps.reference, forceCode };

  return {
    comparison: (query, forceCode) =>
      comparisons(`${query.category} ${query.periodEnd} ${query.months} ${forceCode}`, () =>
        readComparisonResponse(source, query, forReference(forceCode)),
      ),
    changes: (query, area, forceCode) =>
      changes(`${query.areaCode} ${query.periodEnd} ${query.months} ${forceCode}`, () =>
        readAreaChanges(source, query, area, forReference(forceCode)),
      ),
    trend: (query, subjects, forceCode) =>
      trends(
        `${query.areaCode} ${query.category} ${query.fromEnd} ${query.toEnd} ${query.months} ${forceCode}`,
        () => readAreaTrend(source, query, subjects, forReference(forceCode)),
      ),
    check: async () => {
      await version.current();
    },
  };
}
