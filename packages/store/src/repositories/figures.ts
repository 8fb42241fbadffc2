import {
  AreaCodeSchema,
  AreaKindSchema,
  CategoryCodeSchema,
  MonthSchema,
  isWindowLength,
} from '@crimestats/domain';
import type { ClickHouseClient } from '@clickhouse/client';
import type { Comparison } from '@crimestats/stats';
import { z } from 'zod';
import {
  dateTimeValue,
  epochSecondsColumn,
  flagColumn,
  int64Column,
  toEpochSeconds,
  uint64BigColumn,
  uint64Column,
} from '../columns.ts';
import { selectRows } from '../query.ts';
import { insertTabSeparated, tabSeparatedValue } from '../tab-separated.ts';
import { list, qualified, sql, str, uint, type SqlFragment } from '../sql.ts';

const count = z.number().int().nonnegative();
const windowMonths = z.number().int().refine(isWindowLength, 'expected a window of 1 to 60 months');

/**
 * One area's figures for one category and window, as the store keeps them. `computedAt` is a Date
 * at whole-second precision (the column is a DateTime); anything finer is dropped on write.
 */
export const FigureRowSchema = z.object({
  category: CategoryCodeSchema,
  months: windowMonths,
  periodEnd: MonthSchema,
  areaCode: AreaCodeSchema,
  areaName: z.string().min(1),
  areaKind: AreaKindSchema,
  volume: count,
  /** Null when the reference data has no population for the area; then the rate is null too. */
  population: count.nullable(),
  ratePer1000: z.number().nonnegative().nullable(),
  rank: z.number().int().min(1).max(255).nullable(),
  previousVolume: count.nullable(),
  volumeChange: z.number().int().nullable(),
  percentChange: z.number().nullable(),
  zScore: z.number().nullable(),
  significant: z.boolean().nullable(),
  complete: z.boolean(),
  computedAt: dateTimeValue,
  /**
   * Higher wins when a period is recomputed. Derived from the data the figure was computed from
   * (see the aggregator's inputVersion), never from a clock: the same data gives the same version
   * wherever it is computed, and more or later data a higher one. A UInt64, so a bigint.
   */
  version: z
    .bigint()
    .nonnegative()
    .max(2n ** 64n - 1n),
});
export type FigureRow = z.infer<typeof FigureRowSchema>;

export const FiguresQuerySchema = z.object({
  category: CategoryCodeSchema,
  months: windowMonths,
  periodEnd: MonthSchema,
});
export type FiguresQuery = z.infer<typeof FiguresQuerySchema>;

export const FiguresRangeQuerySchema = z.object({
  categories: z.array(CategoryCodeSchema),
  months: windowMonths,
  fromEnd: MonthSchema,
  toEnd: MonthSchema,
});
export type FiguresRangeQuery = z.infer<typeof FiguresRangeQuerySchema>;

/** The columns every figures read selects; `StoredFigureSchema` reads them back. */
export const FIGURE_COLUMNS = sql`category, months, period_end, area_code, area_name, area_kind, volume,
  population, rate_per_1000, rank, previous_volume, volume_change, percent_change, z_score,
  significant, complete, toUnixTimestamp(computed_at) AS computed_at_epoch,
  toString(version) AS version`;

/** One row of `FIGURE_COLUMNS` as a `FigureRow`. */
export const StoredFigureSchema = z
  .object({
    category: z.string(),
    months: uint64Column,
    period_end: z.string(),
    area_code: z.string(),
    area_name: z.string(),
    area_kind: z.string(),
    volume: uint64Column,
    population: uint64Column.nullable(),
    rate_per_1000: z.number().nullable(),
    rank: uint64Column.nullable(),
    previous_volume: uint64Column.nullable(),
    volume_change: int64Column.nullable(),
    percent_change: z.number().nullable(),
    z_score: z.number().nullable(),
    significant: flagColumn.nullable(),
    complete: flagColumn,
    computed_at_epoch: epochSecondsColumn,
    version: uint64BigColumn,
  })
  .transform((row) => ({
    category: row.category,
    months: row.months,
    periodEnd: row.period_end,
    areaCode: row.area_code,
    areaName: row.area_name,
    areaKind: row.area_kind,
    volume: row.volume,
    population: row.population,
    ratePer1000: row.rate_per_1000,
    rank: row.rank,
    previousVolume: row.previous_volume,
    volumeChange: row.volume_change,
    percentChange: row.percent_change,
    zScore: row.z_score,
    significant: row.significant,
    complete: row.complete,
    computedAt: row.computed_at_epoch,
    version: row.version,
  }))
  .pipe(FigureRowSchema);

/** How the store keeps a computed comparison: a row per area. */
export function figureRowsOf(
  comparison: Comparison,
  computedAt: Date,
  version: bigint,
): FigureRow[] {
  return comparison.rows.map((row) => ({
    category: comparison.category.code,
    months: comparison.period.months,
    periodEnd: comparison.period.end,
    areaCode: row.area.code,
    areaName: row.area.name,
    areaKind: row.area.kind,
    volume: row.volume,
    population: row.population,
    ratePer1000: row.ratePer1000,
    rank: row.rank,
    previousVolume: row.previousVolume,
    volumeChange: row.volumeChange,
    percentChange: row.percentChange,
    zScore: row.zScore,
    significant: row.significant,
    complete: row.complete,
    computedAt,
    version,
  }));
}

const flag = (value: boolean): 0 | 1 => (value ? 1 : 0);

/** The columns `figureLine` writes, in its order. */
const FIGURE_INSERT_COLUMNS = [
  'category',
  'months',
  'period_end',
  'area_code',
  'area_name',
  'area_kind',
  'volume',
  'population',
  'rate_per_1000',
  'rank',
  'previous_volume',
  'volume_change',
  'percent_change',
  'z_score',
  'significant',
  'complete',
  'computed_at',
  'version',
] as const;

/** The fields a recompute gives all the rows of one comparison alike. */
const SHARED_FIELDS = {
  category: true,
  months: true,
  periodEnd: true,
  computedAt: true,
  version: true,
} as const;
const SharedFieldsSchema = FigureRowSchema.pick(SHARED_FIELDS);
const OwnFieldsSchema = FigureRowSchema.omit(SHARED_FIELDS);

/**
 * Checks rows as FigureRowSchema does, but the shared fields once per run of rows with the same
 * values (a comparison's rows come together): zod's checks cost a microsecond or more a field, and
 * a national recompute stores a million and a half rows. A checked row is written as it was given:
 * the schema only checks, it converts nothing.
 */
class FigureRowChecks {
  #last: FigureRow | undefined;

  check(row: FigureRow, index: number): FigureRow {
    if (!this.#sharesWithLast(row)) checked(SharedFieldsSchema, row, index);
    checked(OwnFieldsSchema, row, index);
    this.#last = row;
    return row;
  }

  #sharesWithLast(row: FigureRow): boolean {
    const last = this.#last;
    return (
      last !== undefined &&
      typeof row === 'object' &&
      row !== null &&
      row.category === last.category &&
      row.months === last.months &&
      row.periodEnd === last.periodEnd &&
      // The same Date object: a Date is mutable, so equal times read apart prove nothing.
      row.computedAt === last.computedAt &&
      row.version === last.version
    );
  }
}

function checked(schema: z.ZodType, row: unknown, index: number): void {
  const parsed = schema.safeParse(row);
  if (parsed.success) return;
  throw new Error(
    `invalid figure row ${index + 1}: ${parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`)
      .join('; ')}`,
    { cause: parsed.error },
  );
}

/** One row as a TabSeparated line of FIGURE_INSERT_COLUMNS. */
function figureLine(row: FigureRow): string {
  const v = tabSeparatedValue;
  // An array joined once: V8 builds this faster than a template of 36 parts.
  return (
    [
      v(row.category),
      row.months,
      v(row.periodEnd),
      v(row.areaCode),
      v(row.areaName),
      v(row.areaKind),
      row.volume,
      v(row.population),
      v(row.ratePer1000),
      v(row.rank),
      v(row.previousVolume),
      v(row.volumeChange),
      v(row.percentChange),
      v(row.zScore),
      row.significant === null ? '\\N' : flag(row.significant),
      flag(row.complete),
      // A DateTime reads Unix seconds as text on both engines; a UInt64 reads its decimal digits.
      toEpochSeconds(row.computedAt),
      row.version,
    ].join('\t') + '\n'
  );
}

const PeriodRowSchema = z.object({ period_end: MonthSchema });
const WindowRowSchema = z.object({ months: windowMonths });

/** Rolling-window figures per area; recomputing a period upserts rows with a higher version. */
export class FiguresRepository {
  readonly #client: ClickHouseClient;
  readonly #table: SqlFragment;

  constructor(client: ClickHouseClient, database: string) {
    this.#client = client;
    this.#table = qualified(database, 'figures');
  }

  /**
   * Validates, then inserts; the highest version per (category, months, period, area) wins, and of
   * equal versions (the same data) the row inserted last. Each row is checked and written as a
   * line in one pass: a national recompute stores a million and a half.
   */
  async upsert(rows: readonly FigureRow[]): Promise<void> {
    // Joined once: appending line by line builds a string the insert then has to flatten.
    const checks = new FigureRowChecks();
    const lines = rows.map((row, i) => figureLine(checks.check(row, i)));
    await insertTabSeparated(this.#client, this.#table, FIGURE_INSERT_COLUMNS, lines.join(''));
  }

  /** The current rows for one category, window and period, by area code. */
  async read(query: FiguresQuery): Promise<FigureRow[]> {
    const q = FiguresQuerySchema.parse(query);
    // FINAL is exact: the filter is on the sorting key's prefix, so all versions of a row pass together.
    return selectRows(
      this.#client,
      sql`SELECT ${FIGURE_COLUMNS}
          FROM ${this.#table} FINAL
          WHERE category = ${str(q.category)} AND months = ${uint(q.months)}
            AND period_end = ${str(q.periodEnd)}
          ORDER BY area_code`,
      StoredFigureSchema,
    );
  }

  /** The current rows of several categories over a span of period ends, for one window length. */
  async readRange(query: FiguresRangeQuery): Promise<FigureRow[]> {
    const q = FiguresRangeQuerySchema.parse(query);
    if (q.categories.length === 0) return [];
    return selectRows(
      this.#client,
      sql`SELECT ${FIGURE_COLUMNS}
          FROM ${this.#table} FINAL
          WHERE category IN (${list(q.categories.map(str))}) AND months = ${uint(q.months)}
            AND period_end >= ${str(q.fromEnd)} AND period_end <= ${str(q.toEnd)}
          ORDER BY category, period_end, area_code`,
      StoredFigureSchema,
    );
  }

  /** Period ends with figures for this category and window, oldest first. */
  async periodsAvailable(category: string, months: number): Promise<string[]> {
    const q = FiguresQuerySchema.omit({ periodEnd: true }).parse({ category, months });
    const rows = await selectRows(
      this.#client,
      sql`SELECT DISTINCT period_end FROM ${this.#table}
          WHERE category = ${str(q.category)} AND months = ${uint(q.months)}
          ORDER BY period_end`,
      PeriodRowSchema,
    );
    return rows.map((row) => row.period_end);
  }

  /**
   * The window lengths figures are stored for, shortest first: what a recompute from outside the
   * aggregator (a reference load) recomputes, without knowing the aggregator's settings.
   */
  async windowLengths(): Promise<number[]> {
    const rows = await selectRows(
      this.#client,
      sql`SELECT DISTINCT months FROM ${this.#table} ORDER BY months`,
      WindowRowSchema,
    );
    return rows.map((row) => row.months);
  }
}
