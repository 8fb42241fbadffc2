import type { ClickHouseClient } from '@clickhouse/client';
import { z } from 'zod';
import { selectCompactRows } from '../query.ts';
import { list, qualified, sql, str, uint, type SqlFragment } from '../sql.ts';
import { FiguresRangeQuerySchema, type FiguresRangeQuery } from './figures.ts';

const count = z.number().int().nonnegative();

/**
 * What the aggregator compares a recomputed figure with: the key, the published numbers and the
 * significance flag (which a change of method can move alone), no more. A national recompute reads
 * a million and a half of these, so the schema has no conversions (see summaryFields).
 */
export const FigureSummarySchema = z.object({
  category: z.string(),
  months: z.number().int(),
  periodEnd: z.string(),
  areaCode: z.string(),
  volume: count,
  ratePer1000: z.number().nullable(),
  rank: z.number().int().nullable(),
  previousVolume: count.nullable(),
  percentChange: z.number().nullable(),
  complete: z.boolean(),
  significant: z.boolean().nullable(),
});
export type FigureSummary = z.output<typeof FigureSummarySchema>;

/** UInt8 flags as booleans; anything else is left for the schema to refuse. */
const flag = (value: unknown): unknown => (value === 1 ? true : value === 0 ? false : value);

/**
 * One JSONCompact row of the query below, its columns in order, as the object the schema checks
 * (a row that is not an array is left for the schema to refuse).
 */
function summaryFields(row: unknown): unknown {
  if (!Array.isArray(row)) return row;
  return {
    category: row[0],
    months: row[1],
    periodEnd: row[2],
    areaCode: row[3],
    volume: row[4],
    ratePer1000: row[5],
    rank: row[6],
    previousVolume: row[7],
    percentChange: row[8],
    complete: flag(row[9]),
    significant: flag(row[10]),
  };
}

export class FigureSummariesRepository {
  readonly #client: ClickHouseClient;
  readonly #table: SqlFragment;

  constructor(client: ClickHouseClient, database: string) {
    this.#client = client;
    this.#table = qualified(database, 'figures');
  }

  /** The current figures of several categories over a span of period ends, as summaries. */
  async readRange(query: FiguresRangeQuery): Promise<FigureSummary[]> {
    const q = FiguresRangeQuerySchema.parse(query);
    if (q.categories.length === 0) return [];
    // Counts cast to UInt32, so both engines send plain JSON numbers.
    return selectCompactRows(
      this.#client,
      sql`SELECT category, toUInt32(months), period_end, area_code, toUInt32(volume),
                 rate_per_1000, rank,
                 if(isNull(previous_volume), NULL, toUInt32(assumeNotNull(previous_volume))),
                 percent_change, complete, significant
          FROM ${this.#table} FINAL
          WHERE category IN (${list(q.categories.map(str))}) AND months = ${uint(q.months)}
            AND period_end >= ${str(q.fromEnd)} AND period_end <= ${str(q.toEnd)}`,
      FigureSummarySchema,
      summaryFields,
    );
  }
}
