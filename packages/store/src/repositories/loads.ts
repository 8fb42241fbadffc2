import { MonthSchema } from '@crimestats/domain';
import type { ClickHouseClient } from '@clickhouse/client';
import { MonthlyRecordSchema, SourceKindSchema } from '@crimestats/contracts';
import { z } from 'zod';
import { dateTimeValue, epochSecondsColumn, toEpochSeconds, uint64Column } from '../columns.ts';
import { insertRows, selectRows } from '../query.ts';
import { qualified, sql, uint, type SqlFragment } from '../sql.ts';

/**
 * One file's load: which batch, what it held, when. `loadedAt` is a Date at whole-second
 * precision, like every DateTime in the store.
 */
export const LoadSchema = z.object({
  batchId: MonthlyRecordSchema.shape.batchId,
  sourceKind: SourceKindSchema,
  sourceFile: z.string().min(1),
  /** The last month the file had data for. */
  latestMonth: MonthSchema,
  /** Rows read from the file. */
  rows: z.number().int().nonnegative(),
  /** Monthly records published from them. */
  records: z.number().int().nonnegative(),
  loadedAt: dateTimeValue,
});
export type Load = z.infer<typeof LoadSchema>;

const StoredLoadSchema = z
  .object({
    batch_id: z.string(),
    source_kind: z.string(),
    source_file: z.string(),
    latest_month: z.string(),
    rows: uint64Column,
    records: uint64Column,
    loaded_at_epoch: epochSecondsColumn,
  })
  .transform((row) => ({
    batchId: row.batch_id,
    sourceKind: row.source_kind,
    sourceFile: row.source_file,
    latestMonth: row.latest_month,
    rows: row.rows,
    records: row.records,
    loadedAt: row.loaded_at_epoch,
  }))
  .pipe(LoadSchema);

/** The history of loads, newest last on disk; read newest first. */
export class LoadsRepository {
  readonly #client: ClickHouseClient;
  readonly #table: SqlFragment;

  constructor(client: ClickHouseClient, database: string) {
    this.#client = client;
    this.#table = qualified(database, 'loads');
  }

  async record(load: Load): Promise<void> {
    await this.recordAll([load]);
  }

  /** Several loads in one insert: a consumer's batch may hold hundreds of files' records. */
  async recordAll(loads: readonly Load[]): Promise<void> {
    if (loads.length === 0) return;
    await insertRows(
      this.#client,
      this.#table,
      loads.map((load) => {
        const valid = LoadSchema.parse(load);
        return {
          batch_id: valid.batchId,
          source_kind: valid.sourceKind,
          source_file: valid.sourceFile,
          latest_month: valid.latestMonth,
          rows: valid.rows,
          records: valid.records,
          loaded_at: toEpochSeconds(valid.loadedAt),
        };
      }),
    );
  }

  /** The most recent loads, newest first (ties in the same second by batch id, descending). */
  async recent(limit = 20): Promise<Load[]> {
    return selectRows(
      this.#client,
      sql`SELECT batch_id, source_kind, source_file, latest_month, rows, records,
                 toUnixTimestamp(loaded_at) AS loaded_at_epoch
          FROM ${this.#table}
          ORDER BY loaded_at DESC, batch_id DESC
          LIMIT ${uint(limit)}`,
      StoredLoadSchema,
    );
  }

  /** The most recent load, or null before the first. */
  async latest(): Promise<Load | null> {
    const [load] = await this.recent(1);
    return load ?? null;
  }
}
