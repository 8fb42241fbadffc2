import {
  AreaCodeSchema,
  CategoryCodeSchema,
  MonthSchema,
  addMonths,
  monthParts,
  monthRange,
  monthsBetween,
  parseMonth,
  type CategoryTaxonomy,
  type MonthlyCount,
} from '@crimestats/domain';
import type { ClickHouseClient } from '@clickhouse/client';
import {
  MonthlyRecordSchema,
  SourceKindSchema,
  type MonthlyRecord,
  type SourceKind,
} from '@crimestats/contracts';
import { z } from 'zod';
import { toEpochSeconds, uint64Column } from '../columns.ts';
import {
  countsFromRecords,
  earliestStartReaching,
  latestMonthDeciding,
  monthWithin,
  SOURCE_PRECEDENCE,
} from '../monthly-counts.ts';
import { seriesFromPackedRecords, type CountSeries } from '../monthly-series.ts';
import { insertRows, selectCompactRows, selectRows } from '../query.ts';
import { join, list, qualified, sql, str, uint, type SqlFragment } from '../sql.ts';

export interface LatestCountsQuery {
  /** Only these categories; omitted means all, empty means none. */
  categories?: readonly string[];
  /** Only these areas; omitted means all, empty means none. */
  areaCodes?: readonly string[];
  /** Only these source kinds; omitted means all, empty means none. */
  sourceKinds?: readonly SourceKind[];
  /** First record start month, inclusive (`YYYY-MM`). */
  fromMonth: string;
  /** Last record start month, inclusive (`YYYY-MM`). */
  toMonth: string;
}

/** The counts of some categories and areas for the months from `fromMonth` to `toMonth`. */
export type MonthlyCountsQuery = Omit<LatestCountsQuery, 'sourceKinds'>;

export interface MonthRange {
  /** The earliest month any record starts in. */
  first: string;
  /** The last month any record covers: a quarter starting in October covers December. */
  last: string;
}

const LatestCountsQuerySchema = z
  .object({
    categories: z.array(CategoryCodeSchema).optional(),
    areaCodes: z.array(AreaCodeSchema).optional(),
    sourceKinds: z.array(SourceKindSchema).optional(),
    fromMonth: MonthSchema,
    toMonth: MonthSchema,
  })
  .refine((q) => q.fromMonth <= q.toMonth, 'fromMonth is after toMonth');

const columns = sql`source_kind, area_code, category, month, months, count, source_file, revision, batch_id`;

/** A stored row read back into the contract's record, checked by the contract's own schema. */
const StoredRecordSchema = z
  .object({
    source_kind: z.string(),
    area_code: z.string(),
    category: z.string(),
    month: z.string(),
    months: uint64Column,
    count: uint64Column,
    source_file: z.string(),
    revision: uint64Column,
    batch_id: z.string(),
  })
  .transform((row) => ({
    areaCode: row.area_code,
    category: row.category,
    month: row.month,
    months: row.months,
    count: row.count,
    source: { kind: row.source_kind, file: row.source_file },
    revision: row.revision,
    batchId: row.batch_id,
  }))
  .pipe(MonthlyRecordSchema);

/** A row of monthlySeries's query; see PackedRecords. */
const PackedRecordsRowSchema = z
  .tuple([
    AreaCodeSchema,
    CategoryCodeSchema,
    z.array(z.number().int().nonnegative()),
    z.array(z.number()),
    // The largest count, exact: the counts come as Float64, exact only up to 2^53.
    uint64Column,
  ])
  .transform(([areaCode, category, cells, counts]) => ({ areaCode, category, cells, counts }))
  .refine((row) => row.cells.length === row.counts.length, 'cells and counts differ in length');

const MonthSpanRowSchema = z.object({ month: MonthSchema, span: uint64Column });

/**
 * Monthly (and quarterly) crime counts as loaded. Every load inserts; the latest revision per
 * (source kind, area, category, month) is the one that counts.
 */
export class MonthlyRecordsRepository {
  readonly #client: ClickHouseClient;
  readonly #table: SqlFragment;

  constructor(client: ClickHouseClient, database: string) {
    this.#client = client;
    this.#table = qualified(database, 'monthly_records');
  }

  /** Validates every record against the contract, then inserts them in one JSONEachRow insert. */
  async insert(records: readonly MonthlyRecord[], ingestedAt: Date = new Date()): Promise<void> {
    const valid = z.array(MonthlyRecordSchema).parse(records);
    const ingestedAtSeconds = toEpochSeconds(ingestedAt);
    await insertRows(
      this.#client,
      this.#table,
      valid.map((record) => ({
        source_kind: record.source.kind,
        area_code: record.areaCode,
        category: record.category,
        month: record.month,
        months: record.months,
        count: record.count,
        source_file: record.source.file,
        revision: record.revision,
        batch_id: record.batchId,
        // Sent explicitly: 18.16 fills omitted JSONEachRow columns with zero, not their DEFAULT.
        ingested_at: ingestedAtSeconds,
      })),
    );
  }

  /**
   * The latest revision of each (source kind, area, category, month) whose start month lies in
   * the range. FINAL is exact here because every filter is on the sorting key, so all revisions of
   * a key pass or fail together; see the package README for why FINAL rather than argMax.
   */
  async latestCounts(query: LatestCountsQuery): Promise<MonthlyRecord[]> {
    const q = LatestCountsQuerySchema.parse(query);
    const conditions = keyConditions(q);
    if (conditions === undefined) return [];
    return selectRows(
      this.#client,
      sql`SELECT ${columns} FROM ${this.#table} FINAL
          WHERE ${join(conditions, sql` AND `)}
          ORDER BY area_code, category, month, source_kind`,
      StoredRecordSchema,
    );
  }

  /**
   * The count the figures read for each (area, category, month) in the range: the latest revision
   * of each source, the preferred source where several give one, a quarter spread over its months
   * (see countsFromRecords). What reports computed on demand read; the aggregator reads the same
   * counts as series (monthlySeries, tested equal), so both count alike.
   */
  async monthlyCounts(
    query: MonthlyCountsQuery,
    taxonomy: CategoryTaxonomy,
  ): Promise<MonthlyCount[]> {
    const q = LatestCountsQuerySchema.parse(query);
    const [from, to] = [parseMonth(q.fromMonth), parseMonth(q.toMonth)];
    const records = await this.latestCounts({
      ...q,
      fromMonth: earliestStartReaching(from),
      toMonth: latestMonthDeciding(to),
    });
    return countsFromRecords(records, taxonomy).filter((count) =>
      monthWithin(count.month, from, to),
    );
  }

  /**
   * monthlyCounts as one series per (area, category), for reads too large for an object per count
   * (a national recompute). ClickHouse packs each (area, category)'s latest records into two
   * arrays of numbers; the choice by precedence and the quarter rule are made here, as in
   * countsFromRecords (see seriesFromPackedRecords), so both give the same counts.
   */
  async monthlySeries(
    query: MonthlyCountsQuery,
    taxonomy: CategoryTaxonomy,
  ): Promise<CountSeries[]> {
    const q = LatestCountsQuerySchema.parse(query);
    const [from, to] = [parseMonth(q.fromMonth), parseMonth(q.toMonth)];
    const first = earliestStartReaching(from);
    const last = latestMonthDeciding(to);
    const conditions = keyConditions({ ...q, fromMonth: first, toMonth: last });
    if (conditions === undefined) return [];
    const { year, month } = monthParts(first);
    const firstIndex = year * 12 + month - 1;
    const ranks = list(SOURCE_PRECEDENCE.map(str));
    // FINAL, then every filter on the sorting key, as latestCounts. The month index is
    // year × 12 + month − 1 of the 'YYYY-MM' text; the rank is 1-based (0 for no known source).
    const rows = await selectCompactRows(
      this.#client,
      sql`SELECT area_code, category,
                 groupArray(toUInt32(((toUInt32(substring(month, 1, 4)) * 12
                   + toUInt32(substring(month, 6, 2)) - 1 - ${uint(firstIndex)}) * 4
                   + indexOf([${ranks}], source_kind)) * 4 + months)) AS cells,
                 groupArray(toFloat64(count)) AS counts,
                 max(count) AS largest
          FROM ${this.#table} FINAL
          WHERE ${join(conditions, sql` AND `)}
          GROUP BY area_code, category`,
      PackedRecordsRowSchema,
    );
    return seriesFromPackedRecords(
      rows,
      { first, months: monthsBetween(first, last) + 1 },
      from,
      to,
      taxonomy,
    );
  }

  /**
   * Every month covered by a record of these batches (a quarter counts for its three months),
   * sorted: what the aggregator must recompute after they land.
   */
  async touchedMonths(batchIds: readonly string[]): Promise<string[]> {
    const ids = z.array(MonthlyRecordSchema.shape.batchId).parse(batchIds);
    if (ids.length === 0) return [];
    const spans = await selectRows(
      this.#client,
      sql`SELECT month, max(months) AS span FROM ${this.#table}
          WHERE batch_id IN (${list(ids.map(str))})
          GROUP BY month`,
      MonthSpanRowSchema,
    );
    return coveredMonths(spans);
  }

  /** The first and last month with data, or null when nothing is loaded. */
  async monthRange(): Promise<MonthRange | null> {
    const spans = await selectRows(
      this.#client,
      sql`SELECT month, max(months) AS span FROM ${this.#table} GROUP BY month`,
      MonthSpanRowSchema,
    );
    const months = coveredMonths(spans);
    const first = spans.map((s) => s.month).sort()[0];
    const last = months.at(-1);
    return first !== undefined && last !== undefined ? { first, last } : null;
  }
}

/** The WHERE conditions of a query on the sorting key, or undefined when a list is empty. */
function keyConditions(q: LatestCountsQuery): SqlFragment[] | undefined {
  const conditions: SqlFragment[] = [
    sql`month >= ${str(q.fromMonth)}`,
    sql`month <= ${str(q.toMonth)}`,
  ];
  for (const [column, values] of [
    [sql`category`, q.categories],
    [sql`area_code`, q.areaCodes],
    [sql`source_kind`, q.sourceKinds],
  ] as const) {
    if (values === undefined) continue;
    if (values.length === 0) return undefined;
    conditions.push(sql`${column} IN (${list(values.map(str))})`);
  }
  return conditions;
}

function coveredMonths(spans: ReadonlyArray<{ month: string; span: number }>): string[] {
  const months = new Set(
    spans.flatMap(({ month, span }) => {
      const first = parseMonth(month);
      return monthRange(first, addMonths(first, span - 1));
    }),
  );
  return [...months].sort();
}
