import type { ClickHouseClient } from '@clickhouse/client';
import { z } from 'zod';
import { uint64Column } from '../columns.ts';
import { selectRows } from '../query.ts';
import { qualified, sql, type SqlFragment } from '../sql.ts';

/**
 * A cheap fingerprint of what answers are read from: it changes whenever figures are written, a
 * load is recorded (every load of records records one), or populations or reference data are
 * loaded, so a cache of
 * answers, stored or computed on demand from the records, can tell when to read again.
 */
export interface DataVersion {
  figureRows: number;
  /** Unix seconds of the newest `computed_at`; 0 with no figures. */
  figuresComputedAt: number;
  /** The highest figure version, in decimal: versions are UInt64s. */
  figuresVersion: string;
  loadRows: number;
  /** Unix seconds of the newest load; 0 before the first. */
  latestLoadAt: number;
  /** Populations change rates computed on demand without a load or a figure changing. */
  populationRows: number;
  populationsRevision: number;
  /**
   * A reference load renames areas, moves them between rollups and adds categories: answers read
   * before it name and group areas as they were, even when no figure has been written since.
   */
  referenceRows: number;
  referenceRevision: number;
  /** All of the above in one string, for comparing versions. */
  token: string;
}

const DataVersionRowSchema = z.object({
  figure_rows: uint64Column,
  figures_computed_at: uint64Column,
  figures_version: z.string(),
  load_rows: uint64Column,
  latest_load_at: uint64Column,
  population_rows: uint64Column,
  populations_revision: uint64Column,
  reference_area_rows: uint64Column,
  reference_areas_revision: uint64Column,
  reference_category_rows: uint64Column,
  reference_categories_revision: uint64Column,
});

export class DataVersionRepository {
  readonly #client: ClickHouseClient;
  readonly #figures: SqlFragment;
  readonly #loads: SqlFragment;
  readonly #populations: SqlFragment;
  readonly #referenceAreas: SqlFragment;
  readonly #referenceCategories: SqlFragment;

  constructor(client: ClickHouseClient, database: string) {
    this.#client = client;
    this.#figures = qualified(database, 'figures');
    this.#loads = qualified(database, 'loads');
    this.#populations = qualified(database, 'populations');
    this.#referenceAreas = qualified(database, 'reference_areas');
    this.#referenceCategories = qualified(database, 'reference_categories');
  }

  /**
   * One round trip of scalar subqueries (no CTEs or JOINs, for 18.16). Row counts move with
   * every insert, and may fall when parts merge: a spurious change only costs a recompute. The
   * newest `computed_at` and version catch an insert that a merge has already cancelled out.
   */
  async current(): Promise<DataVersion> {
    const [row] = await selectRows(
      this.#client,
      sql`SELECT
            (SELECT count() FROM ${this.#figures}) AS figure_rows,
            (SELECT toUnixTimestamp(max(computed_at)) FROM ${this.#figures}) AS figures_computed_at,
            (SELECT toString(max(version)) FROM ${this.#figures}) AS figures_version,
            (SELECT count() FROM ${this.#loads}) AS load_rows,
            (SELECT toUnixTimestamp(max(loaded_at)) FROM ${this.#loads}) AS latest_load_at,
            (SELECT count() FROM ${this.#populations}) AS population_rows,
            (SELECT max(revision) FROM ${this.#populations}) AS populations_revision,
            (SELECT count() FROM ${this.#referenceAreas}) AS reference_area_rows,
            (SELECT max(revision) FROM ${this.#referenceAreas}) AS reference_areas_revision,
            (SELECT count() FROM ${this.#referenceCategories}) AS reference_category_rows,
            (SELECT max(revision) FROM ${this.#referenceCategories})
              AS reference_categories_revision`,
      DataVersionRowSchema,
    );
    if (row === undefined) throw new Error('the data version query returned no row');
    const version = {
      figureRows: row.figure_rows,
      figuresComputedAt: row.figures_computed_at,
      figuresVersion: row.figures_version,
      loadRows: row.load_rows,
      latestLoadAt: row.latest_load_at,
      populationRows: row.population_rows,
      populationsRevision: row.populations_revision,
      referenceRows: row.reference_area_rows + row.reference_category_rows,
      referenceRevision: Math.max(row.reference_areas_revision, row.reference_categories_revision),
    };
    return { ...version, token: Object.values(version).join(':') };
  }
}
