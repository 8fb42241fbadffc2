import { AreaCodeSchema, CategoryCodeSchema, MonthSchema } from '@crimestats/domain';
import type { ClickHouseClient } from '@clickhouse/client';
import { z } from 'zod';
import { selectRows } from '../query.ts';
import { list, qualified, sql, str, uint, type SqlFragment } from '../sql.ts';
import { FIGURE_COLUMNS, StoredFigureSchema, type FigureRow } from './figures.ts';

const windowMonths = z.number().int().min(1).max(255);
const PeriodRowSchema = z.object({ period_end: MonthSchema });

/** Every category's figures for one area, one window and one period end. */
export const AreaPeriodQuerySchema = z.object({
  areaCode: AreaCodeSchema,
  months: windowMonths,
  periodEnd: MonthSchema,
});
export type AreaPeriodQuery = z.infer<typeof AreaPeriodQuerySchema>;

/** One category's figures for a few areas over a span of period ends. */
export const AreasRangeQuerySchema = z.object({
  category: CategoryCodeSchema,
  areaCodes: z.array(AreaCodeSchema),
  months: windowMonths,
  fromEnd: MonthSchema,
  toEnd: MonthSchema,
});
export type AreasRangeQuery = z.infer<typeof AreasRangeQuerySchema>;

/**
 * Figures read by area rather than by category: one area's categories side by side, and an
 * area's rolling series beside its rollups'. Kept apart from `FiguresRepository` so the
 * aggregator's reads and writes stay in one place and the reporting reads in another.
 */
export class AreaFiguresRepository {
  readonly #client: ClickHouseClient;
  readonly #table: SqlFragment;

  constructor(client: ClickHouseClient, database: string) {
    this.#client = client;
    this.#table = qualified(database, 'figures');
  }

  /** The current rows of every category for one area and period, by category code. */
  async readAreaPeriod(query: AreaPeriodQuery): Promise<FigureRow[]> {
    const q = AreaPeriodQuerySchema.parse(query);
    // FINAL stays exact: every filter is on a sorting-key column, so all versions of a row pass
    // or fail together. The scan is over every category's key range; the table is small.
    return selectRows(
      this.#client,
      sql`SELECT ${FIGURE_COLUMNS}
          FROM ${this.#table} FINAL
          WHERE months = ${uint(q.months)} AND period_end = ${str(q.periodEnd)}
            AND area_code = ${str(q.areaCode)}
          ORDER BY category`,
      StoredFigureSchema,
    );
  }

  /** The current rows of one category for some areas over a span of period ends. */
  async readAreasRange(query: AreasRangeQuery): Promise<FigureRow[]> {
    const q = AreasRangeQuerySchema.parse(query);
    if (q.areaCodes.length === 0) return [];
    return selectRows(
      this.#client,
      sql`SELECT ${FIGURE_COLUMNS}
          FROM ${this.#table} FINAL
          WHERE category = ${str(q.category)} AND months = ${uint(q.months)}
            AND period_end >= ${str(q.fromEnd)} AND period_end <= ${str(q.toEnd)}
            AND area_code IN (${list(q.areaCodes.map(str))})
          ORDER BY period_end, area_code`,
      StoredFigureSchema,
    );
  }

  /** Period ends with figures for this area and window, oldest first. */
  async periodsAvailable(areaCode: string, months: number): Promise<string[]> {
    const q = AreaPeriodQuerySchema.omit({ periodEnd: true }).parse({ areaCode, months });
    const rows = await selectRows(
      this.#client,
      sql`SELECT DISTINCT period_end FROM ${this.#table}
          WHERE months = ${uint(q.months)} AND area_code = ${str(q.areaCode)}
          ORDER BY period_end`,
      PeriodRowSchema,
    );
    return rows.map((row) => row.period_end);
  }
}
