import type { ClickHouseClient } from '@clickhouse/client';
import { ReferenceCategoryRowSchema, type ReferenceCategoryRow } from '@crimestats/domain';
import { z } from 'zod';
import { insertRows, selectRows } from '../query.ts';
import { qualified, sql, type SqlFragment } from '../sql.ts';
import { loadedRevision, type ReferenceLoad } from './reference-areas.ts';

const StoredReferenceCategorySchema = z
  .object({ code: z.string(), label: z.string(), parent: z.string() })
  .pipe(ReferenceCategoryRowSchema);

/** Categories loaded from files: the force's own, each under a parent. */
export class ReferenceCategoriesRepository {
  readonly #client: ClickHouseClient;
  readonly #table: SqlFragment;

  constructor(client: ClickHouseClient, database: string) {
    this.#client = client;
    this.#table = qualified(database, 'reference_categories');
  }

  async insert(rows: readonly ReferenceCategoryRow[], load: ReferenceLoad): Promise<void> {
    const valid = z.array(ReferenceCategoryRowSchema).parse(rows);
    if (valid.length === 0) return;
    await insertRows(
      this.#client,
      this.#table,
      valid.map((r, position) => ({
        code: r.code,
        label: r.label,
        parent: r.parent,
        position,
        source_file: load.file,
        revision: load.revision,
        batch_id: load.batchId,
      })),
    );
  }

  /** The latest row of each loaded category, by load and then in file order. */
  async all(): Promise<ReferenceCategoryRow[]> {
    return selectRows(
      this.#client,
      sql`SELECT code, label, parent
          FROM ${this.#table} FINAL
          ORDER BY revision, position`,
      StoredReferenceCategorySchema,
    );
  }

  /** Moves with every load (see ReferenceSource). */
  async revision(): Promise<string> {
    return loadedRevision(this.#client, this.#table);
  }
}
