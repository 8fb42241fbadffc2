import type { ClickHouseClient } from '@clickhouse/client';
import { AreaCodeSchema } from '@crimestats/domain';
import { z } from 'zod';
import { uint64Column } from '../columns.ts';
import { insertRows, selectRows } from '../query.ts';
import { qualified, sql, str, type SqlFragment } from '../sql.ts';

/**
 * A private Atom feed as stored: found by the SHA-256 (hex) of its URL's token, which itself is
 * never stored, so the URL cannot be read back from here.
 */
export const StoredFeedSchema = z.object({
  id: z.string().min(1),
  area: AreaCodeSchema,
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in hex'),
  createdAt: z.iso.datetime(),
  version: z.number().int().positive(),
});
export type StoredFeed = z.infer<typeof StoredFeedSchema>;

/** A revoked feed is kept as a row with this status, and read by nobody. */
const REVOKED = 'revoked';
const ACTIVE = 'active';

const FeedRowSchema = z
  .object({
    id: z.string(),
    area_code: z.string(),
    token_hash: z.string(),
    created_at_ms: uint64Column,
    version: uint64Column,
  })
  .transform((row) => ({
    id: row.id,
    area: row.area_code,
    tokenHash: row.token_hash,
    createdAt: new Date(row.created_at_ms).toISOString(),
    version: row.version,
  }))
  .pipe(StoredFeedSchema);

const COLUMNS = sql`id, area_code, token_hash, created_at_ms, version`;

/** Atom feeds. Revoking writes the next version of the row; reads take the latest. */
export class FeedsRepository {
  readonly #client: ClickHouseClient;
  readonly #table: SqlFragment;

  constructor(client: ClickHouseClient, database: string) {
    this.#client = client;
    this.#table = qualified(database, 'feeds');
  }

  async create(feed: Omit<StoredFeed, 'version'>): Promise<void> {
    await this.#write(StoredFeedSchema.parse({ ...feed, version: 1 }), ACTIVE);
  }

  async get(id: string): Promise<StoredFeed | undefined> {
    const [row] = await this.#read(sql`id = ${str(id)}`);
    return row;
  }

  /** The feed whose token hashes to this, unless revoked. */
  async byTokenHash(tokenHash: string): Promise<StoredFeed | undefined> {
    const [row] = await this.#read(sql`token_hash = ${str(tokenHash)}`);
    return row;
  }

  /** Every feed not revoked, oldest first; only one area's when given. */
  async list(area?: string): Promise<StoredFeed[]> {
    return this.#read(area === undefined ? sql`1` : sql`area_code = ${str(area)}`);
  }

  /** Revokes one for good; false when there is no such feed (or it is revoked already). */
  async revoke(id: string): Promise<boolean> {
    const current = await this.get(id);
    if (current === undefined) return false;
    await this.#write({ ...current, version: current.version + 1 }, REVOKED);
    return true;
  }

  async #write(feed: StoredFeed, status: string): Promise<void> {
    await insertRows(this.#client, this.#table, [
      {
        id: feed.id,
        area_code: feed.area,
        token_hash: feed.tokenHash,
        status,
        created_at_ms: Date.parse(feed.createdAt),
        version: feed.version,
      },
    ]);
  }

  async #read(where: SqlFragment): Promise<StoredFeed[]> {
    // The status is filtered outside the FINAL read, so a revoked row always hides the versions
    // before it, whatever the engine moves into PREWHERE.
    return selectRows(
      this.#client,
      sql`SELECT ${COLUMNS} FROM (
            SELECT ${COLUMNS}, status FROM ${this.#table} FINAL WHERE ${where}
          )
          WHERE status = ${str(ACTIVE)}
          ORDER BY created_at_ms, id`,
      FeedRowSchema,
    );
  }
}
