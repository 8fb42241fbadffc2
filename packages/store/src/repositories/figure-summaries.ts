import type { ClickHouseClient } from '@clickhouse/client';
import { z } from 'zod';
import { selectCompactRows } from '../query.ts';
import { list, qualified, sql, str, uint, type SqlFragment } from '../sql.ts';
import { FiguresRangeQuerySchema, type FiguresRangeQuery } from './figures.ts';

const count = z.number().int().nonnegative();
const flag = z.union([z.literal(0), z.literal(1)]);

/**
 * What the aggregator compares a recomputed figure with: the key, the published numbers and the
 * significance flag (which a change of method can move alone), no more. A national recompute reads
 * a million and a half of these, so they come as JSONCompact arrays in this order, counts cast to
 * UInt32 so both engines send plain JSON numbers.
 */
const FigureSummaryTupleSchema = z
  .tuple([
    z.string(), // category
    z.number().int(), // months
    z.string(), // period_end
    z.string(), // area_code
    count, // volume
    z.number().nullable(), // rate_per_1000
    z.number().int().nullable(), // rank
    count.nullable(), // previous_volume
    z.number().nullable(), // percent_change
    flag, // complete
    flag.nullable(), // significant
  ])
  .transform(
    ([
      category,
      months,
      periodEnd,
      areaCode,
      volume,
      ratePer1000,
      rank,
      previousVolume,
      percentChange,
      complete,
      significant,
    ]) => ({
      category,
      months,
      periodEnd,
      areaCode,
      volume,
      ratePer1000,
      rank,
      previousVolume,
      percentChange,
      complete: complete === 1,
      significant: significant === null ? null : significant === 1,
    }),
  );
export type FigureSummary = z.output<typeof FigureSummaryTupleSchema>;

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
    return selectCompactRows(
      this.#client,
      sql`SELECT category, toUInt32(months), period_end, area_code, toUInt32(volume),
                 rate_per_1000, rank,
                 if(isNull(previous_volume), NULL, toUInt32(assumeNotNull(previous_volume))),
                 percent_change, complete, significant
          FROM ${this.#table} FINAL
          WHERE category IN (${list(q.categories.map(str))}) AND months = ${uint(q.months)}
            AND period_end >= ${str(q.fromEnd)} AND period_end <= ${str(q.toEnd)}`,
      FigureSummaryTupleSchema,
    );
  }
}
