import {
  AreaCodeSchema,
  MonthSchema,
  addMonths,
  monthFromParts,
  monthsBetween,
  parseMonth,
  type Month,
} from '@crimestats/domain';
import type { ClickHouseClient } from '@clickhouse/client';
import { z } from 'zod';
import { int64Column } from '../columns.ts';
import { earliestStartReaching } from '../monthly-counts.ts';
import { selectRows } from '../query.ts';
import { join, list, qualified, sql, str, uint, type SqlFragment } from '../sql.ts';

/** The areas an answer shows (their CSP areas) and the months its windows span. */
export const DataBasisQuerySchema = z
  .object({
    areaCodes: z.array(AreaCodeSchema),
    fromMonth: MonthSchema,
    toMonth: MonthSchema,
  })
  .refine((q) => q.fromMonth <= q.toMonth, 'fromMonth is after toMonth');
export type DataBasisQuery = z.input<typeof DataBasisQuerySchema>;

/** What an answer rests on, as the store knows it. */
export interface DataBasis {
  /** The newest month any record of the areas covers (a quarter covers three); null with none. */
  latestMonth: Month | null;
  /** When the latest load with a record of the areas in the months was made; null with none. */
  loadedAt: Date | null;
}

const DataBasisRowSchema = z.object({
  latest_month_end: int64Column.nullable(),
  loaded_at: int64Column.nullable(),
});

// A record's last month as a number, year × 12 + month number + months − 2 (`monthOfIndex` reads
// year × 12 + month number − 1), so the newest can be taken with max(). The constant is left out
// of the SQL: newer engines move it out of max(), which then turns an empty set's 0 into −2.
const recordEnd = sql`(toUInt32(substring(month, 1, 4)) * 12 + toUInt32(substring(month, 6, 2)) + months)`;

function monthOfIndex(index: number): Month {
  return monthFromParts(Math.floor(index / 12), (index % 12) + 1);
}

/**
 * Reads what an answer rests on from the records themselves, so it holds whatever order the files
 * came in: the newest month with data in the answer's areas, and the latest load that touched the
 * answer's windows there. A load counts while any of its records is stored (one fully replaced
 * by a later revision may linger until parts merge; the later load is newer anyway).
 */
export class DataBasisRepository {
  readonly #client: ClickHouseClient;
  readonly #records: SqlFragment;
  readonly #loads: SqlFragment;

  constructor(client: ClickHouseClient, database: string) {
    this.#client = client;
    this.#records = qualified(database, 'monthly_records');
    this.#loads = qualified(database, 'loads');
  }

  async read(query: DataBasisQuery): Promise<DataBasis> {
    const q = DataBasisQuerySchema.parse(query);
    if (q.areaCodes.length === 0) return { latestMonth: null, loadedAt: null };
    const from = parseMonth(q.fromMonth);
    const areas = sql`area_code IN (${list(q.areaCodes.map(str))})`;
    // One scalar subquery each, in one round trip (no CTEs or JOINs, for 18.16); an empty set's
    // max() is 0 (null on newer engines), which no month (≥ 1900 × 12) or load time can be.
    const [row] = await selectRows(
      this.#client,
      sql`SELECT
            (SELECT max(${recordEnd}) FROM ${this.#records} WHERE ${areas}) AS latest_month_end,
            (SELECT toUnixTimestamp(max(loaded_at)) FROM ${this.#loads}
             WHERE batch_id IN (SELECT batch_id FROM ${this.#records}
                                WHERE ${areas} AND month <= ${str(q.toMonth)}
                                  AND ${reaching(from)})) AS loaded_at`,
      DataBasisRowSchema,
    );
    if (row === undefined) throw new Error('the data basis query returned no row');
    return {
      latestMonth:
        row.latest_month_end === null || row.latest_month_end <= 0
          ? null
          : monthOfIndex(row.latest_month_end - 2),
      loadedAt:
        row.loaded_at === null || row.loaded_at <= 0 ? null : new Date(row.loaded_at * 1000),
    };
  }
}

/** Records whose months reach `from` or later: a record starting k months before spans more than k. */
function reaching(from: Month): SqlFragment {
  const furthest = monthsBetween(earliestStartReaching(from), from);
  const conditions = Array.from({ length: furthest + 1 }, (_, back) => {
    return sql`(months > ${uint(back)} AND month >= ${str(addMonths(from, -back))})`;
  });
  return sql`(${join(conditions, sql` OR `)})`;
}
