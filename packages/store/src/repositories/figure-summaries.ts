import type { ClickHouseClient } from '@clickhouse/client';
import { z } from 'zod';
import { selectRows } from '../query.ts';
import { list, qualified, sql, str, uint, type SqlFragment } from '../sql.ts';
import { FiguresRangeQuerySchema, type FiguresRangeQuery } from './figures.ts';

/**
 * What the aggregator compares a recomputed figure with: the key, the published numbers and the
 * significance flag (which a change of method can move alone), no more. Counts are read as UInt32 so both engines send plain JSON numbers, and the row schema has
 * no conversions: a national recompute reads a million and a half of these.
 */
export const FigureSummarySchema = z.object({
  category: z.string(),
  months: z.number().int(),
  periodEnd: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  population: z.number().int().nonnegative().nullable(),
  volume: z.number().int().nonnegative(),
  ratePer1000: z.number().nullable(),
  rank: z.number().int().nullable(),
  previousVolume: z.number().int().nonnegative().nullable(),
  percentChange: z.number().nullable(),
  complete: z.number().transform((v) => v === 1),
  significant: z
    .number()
    .nullable()
    .transform((v) => (v === null ? null : v === 1)),
});
export type FigureSummary = z.output<typeof FigureSummarySchema>;

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
    return selectRows(
      this.#client,
      sql`SELECT category, toUInt32(months) AS months, period_end AS periodEnd,
                 area_code AS areaCode, area_name AS areaName,
                 if(isNull(population), NULL, toUInt32(assumeNotNull(population))) AS population,
                 toUInt32(volume) AS volume, rate_per_1000 AS ratePer1000, rank,
                 if(isNull(previous_volume), NULL, toUInt32(assumeNotNull(previous_volume))) AS previousVolume,
                 percent_change AS percentChange, complete, significant
          FROM ${this.#table} FINAL
          WHERE category IN (${list(q.categories.map(str))}) AND months = ${uint(q.months)}
            AND period_end >= ${str(q.fromEnd)} AND period_end <= ${str(q.toEnd)}`,
      FigureSummarySchema,
    );
  }
}
