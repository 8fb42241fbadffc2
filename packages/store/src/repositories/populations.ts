import type { ClickHouseClient } from '@clickhouse/client';
import { PopulationRecordSchema, type PopulationRecord } from '@crimestats/contracts';
import type { PopulationTable } from '@crimestats/domain';
import { z } from 'zod';
import { uint64Column } from '../columns.ts';
import { insertRows, selectRows } from '../query.ts';
import { qualified, sql, type SqlFragment } from '../sql.ts';

export interface StoredPopulation {
  areaCode: string;
  year: number;
  population: number;
}

const StoredPopulationSchema = z
  .object({ area_code: z.string(), year: uint64Column, population: uint64Column })
  .transform((row) => ({ areaCode: row.area_code, year: row.year, population: row.population }));

/** Populations loaded from files; the latest revision per (area, year) wins. */
export class PopulationsRepository {
  readonly #client: ClickHouseClient;
  readonly #table: SqlFragment;

  constructor(client: ClickHouseClient, database: string) {
    this.#client = client;
    this.#table = qualified(database, 'populations');
  }

  async insert(records: readonly PopulationRecord[]): Promise<void> {
    const valid = z.array(PopulationRecordSchema).parse(records);
    if (valid.length === 0) return;
    await insertRows(
      this.#client,
      this.#table,
      valid.map((r) => ({
        area_code: r.areaCode,
        year: r.year,
        population: r.population,
        source_file: r.source.file,
        revision: r.revision,
        batch_id: r.batchId,
      })),
    );
  }

  async all(): Promise<StoredPopulation[]> {
    return selectRows(
      this.#client,
      sql`SELECT area_code, year, population FROM ${this.#table} FINAL ORDER BY area_code, year`,
      StoredPopulationSchema,
    );
  }

  /**
   * The populations figures are computed with: the defaults with every loaded population file
   * applied, the same for the aggregator and for reports computed on demand.
   */
  async appliedTo(defaults: PopulationTable): Promise<PopulationTable> {
    const loaded = await this.all();
    return loaded.length === 0 ? defaults : defaults.withRows(loaded);
  }
}
