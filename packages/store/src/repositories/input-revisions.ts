import type { ClickHouseClient } from '@clickhouse/client';
import { z } from 'zod';
import { uint64BigColumn } from '../columns.ts';
import { selectRows } from '../query.ts';
import { list, qualified, sql, str, type SqlFragment } from '../sql.ts';

/** Sums of the revisions of the latest stored data: per area for records, and of all populations. */
export interface InputRevisions {
  /** An area with no records is absent (its sum is 0). */
  records: Map<string, bigint>;
  populations: bigint;
}

const RowSchema = z.object({ area: z.string(), total: uint64BigColumn });

/**
 * Fingerprints of what figures are computed from. A sum only grows as data arrives: a record or a
 * population is added, or replaced by a later revision (the tables keep the highest), and merges
 * do not move it. So of two reads, the later one is never lower, and is higher if anything arrived
 * between them: the sums order views of the data in time.
 */
export class InputRevisionsRepository {
  readonly #client: ClickHouseClient;
  readonly #records: SqlFragment;
  readonly #populations: SqlFragment;

  constructor(client: ClickHouseClient, database: string) {
    this.#client = client;
    this.#records = qualified(database, 'monthly_records');
    this.#populations = qualified(database, 'populations');
  }

  /**
   * One query for both tables. FINAL is exact here: area_code is in the sorting key, so every
   * revision of a record passes the filter together. A sum wraps past 2^64, which needs about
   * ten million records of one area.
   */
  async sums(areaCodes: readonly string[]): Promise<InputRevisions> {
    const populations = sql`SELECT '' AS area, toString(sum(revision)) AS total
      FROM ${this.#populations} FINAL`;
    const query =
      areaCodes.length === 0
        ? populations
        : sql`SELECT area_code AS area, toString(sum(revision)) AS total
              FROM ${this.#records} FINAL
              WHERE area_code IN (${list(areaCodes.map(str))})
              GROUP BY area_code
              UNION ALL ${populations}`;
    const rows = await selectRows(this.#client, query, RowSchema);
    const result: InputRevisions = { records: new Map(), populations: 0n };
    for (const { area, total } of rows) {
      if (area === '') result.populations = total;
      else result.records.set(area, total);
    }
    return result;
  }
}
