import type { ClickHouseClient } from '@clickhouse/client';
import { ReferenceAreaRowSchema, type ReferenceAreaRow } from '@crimestats/domain';
import { z } from 'zod';
import { uint64Column } from '../columns.ts';
import { insertRows, selectRows } from '../query.ts';
import { qualified, sql, type SqlFragment } from '../sql.ts';

/** Where a load of reference rows came from; the revision orders loads (latest wins per area). */
export interface ReferenceLoad {
  file: string;
  revision: number;
  batchId: string;
}

/** Empty strings stand for "no county" in the table, which has no Nullable columns. */
const StoredReferenceAreaSchema = z
  .object({
    area_code: z.string(),
    area_name: z.string(),
    force_code: z.string(),
    force_name: z.string(),
    police_uk_name: z.string(),
    county_code: z.string(),
    county_name: z.string(),
  })
  .transform((row) => ({
    areaCode: row.area_code,
    areaName: row.area_name,
    forceCode: row.force_code,
    forceName: row.force_name,
    policeUkName: row.police_uk_name,
    ...(row.county_code === '' ? {} : { countyCode: row.county_code, countyName: row.county_name }),
  }))
  .pipe(ReferenceAreaRowSchema);

const RevisionRowSchema = z.object({
  area_rows: uint64Column,
  // Null on engines where max() of nothing is null rather than 0.
  latest_revision: z.string().nullable(),
});

/** Reference areas loaded from files, each with its force and county. */
export class ReferenceAreasRepository {
  readonly #client: ClickHouseClient;
  readonly #table: SqlFragment;

  constructor(client: ClickHouseClient, database: string) {
    this.#client = client;
    this.#table = qualified(database, 'reference_areas');
  }

  async insert(rows: readonly ReferenceAreaRow[], load: ReferenceLoad): Promise<void> {
    const valid = z.array(ReferenceAreaRowSchema).parse(rows);
    if (valid.length === 0) return;
    await insertRows(
      this.#client,
      this.#table,
      valid.map((r, position) => ({
        area_code: r.areaCode,
        area_name: r.areaName,
        force_code: r.forceCode,
        force_name: r.forceName,
        police_uk_name: r.policeUkName,
        county_code: r.countyCode ?? '',
        county_name: r.countyName ?? '',
        position,
        source_file: load.file,
        revision: load.revision,
        batch_id: load.batchId,
      })),
    );
  }

  /**
   * The latest row of each loaded area, by load and then in file order, so a force's areas are
   * listed as its file lists them.
   */
  async all(): Promise<ReferenceAreaRow[]> {
    return selectRows(
      this.#client,
      sql`SELECT area_code, area_name, force_code, force_name, police_uk_name,
                 county_code, county_name
          FROM ${this.#table} FINAL
          ORDER BY revision, position`,
      StoredReferenceAreaSchema,
    );
  }

  /**
   * A cheap fingerprint of the loaded areas, which every load changes: its revision is the newest,
   * and its rows add to the count (a merge may lower the count later, which only costs a reload).
   */
  async revision(): Promise<string> {
    return loadedRevision(this.#client, this.#table);
  }
}

/** A loaded reference table's rows and latest revision, as one string that moves with any load. */
export async function loadedRevision(
  client: ClickHouseClient,
  table: SqlFragment,
): Promise<string> {
  const [row] = await selectRows(
    client,
    sql`SELECT count() AS area_rows, toString(max(revision)) AS latest_revision FROM ${table}`,
    RevisionRowSchema,
  );
  if (row === undefined) throw new Error('the reference revision query returned no row');
  return `${row.area_rows}:${row.latest_revision ?? '0'}`;
}
