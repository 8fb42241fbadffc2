import type { ClickHouseClient } from '@clickhouse/client';
import { SubscriptionStatusSchema, type Subscription } from '@crimestats/contracts';
import { AreaCodeSchema, CategoryCodeSchema } from '@crimestats/domain';
import { z } from 'zod';
import { uint64Column } from '../columns.ts';
import { insertRows, selectRows } from '../query.ts';
import { list, qualified, sql, str, type SqlFragment } from '../sql.ts';

/**
 * A subscription as kept, with what only the notifier needs: its secret and its row version.
 * `url` is the target either way: a webhook's URL, or `mailto:<address>` for email.
 */
export const StoredSubscriptionSchema = z.object({
  id: z.string().min(1),
  area: AreaCodeSchema,
  categories: z.array(CategoryCodeSchema),
  url: z.string().min(1),
  status: SubscriptionStatusSchema,
  createdAt: z.iso.datetime(),
  secret: z.string().startsWith('whsec_'),
  version: z.number().int().positive(),
});
export type StoredSubscription = z.infer<typeof StoredSubscriptionSchema>;

/** A removed subscription is kept as a row with this status, and read by nobody. */
const REMOVED = 'removed';

const SubscriptionRowSchema = z
  .object({
    id: z.string(),
    area_code: z.string(),
    url: z.string(),
    categories: z.array(z.string()),
    secret: z.string(),
    status: z.string(),
    created_at_ms: uint64Column,
    version: uint64Column,
  })
  .transform((row) => ({
    id: row.id,
    area: row.area_code,
    categories: row.categories,
    url: row.url,
    status: row.status,
    createdAt: new Date(row.created_at_ms).toISOString(),
    secret: row.secret,
    version: row.version,
  }))
  .pipe(StoredSubscriptionSchema);

const COLUMNS = sql`id, area_code, url, categories, secret, status, created_at_ms, version`;

/** Webhook and email subscriptions. Each change writes the next version of the row; reads take the latest. */
export class SubscriptionsRepository {
  readonly #client: ClickHouseClient;
  readonly #table: SqlFragment;

  constructor(client: ClickHouseClient, database: string) {
    this.#client = client;
    this.#table = qualified(database, 'subscriptions');
  }

  async create(subscription: Omit<StoredSubscription, 'version' | 'status'>): Promise<void> {
    await this.#write({ ...subscription, status: 'active', version: 1 });
  }

  async get(id: string): Promise<StoredSubscription | undefined> {
    const [row] = await this.#read(sql`id = ${str(id)}`);
    return row;
  }

  /** Every subscription not removed, oldest first; only one area's when given. */
  async list(area?: string): Promise<StoredSubscription[]> {
    return this.#read(area === undefined ? sql`1` : sql`area_code = ${str(area)}`);
  }

  /** The active subscriptions of these areas. */
  async activeFor(areas: readonly string[]): Promise<StoredSubscription[]> {
    if (areas.length === 0) return [];
    const rows = await this.#read(sql`area_code IN (${list(areas.map(str))})`);
    return rows.filter((row) => row.status === 'active');
  }

  /** Disables (after 410 Gone) or re-enables one; false when there is no such subscription. */
  async setStatus(id: string, status: Subscription['status']): Promise<boolean> {
    const current = await this.get(id);
    if (current === undefined) return false;
    if (current.status !== status)
      await this.#write({ ...current, status, version: current.version + 1 });
    return true;
  }

  /** Removes one for good; false when there is no such subscription. */
  async remove(id: string): Promise<boolean> {
    const current = await this.get(id);
    if (current === undefined) return false;
    await this.#write({ ...current, status: REMOVED, version: current.version + 1 });
    return true;
  }

  async #write(row: Omit<StoredSubscription, 'status'> & { status: string }): Promise<void> {
    await insertRows(this.#client, this.#table, [
      {
        id: row.id,
        area_code: row.area,
        url: row.url,
        categories: row.categories,
        secret: row.secret,
        status: row.status,
        created_at_ms: Date.parse(row.createdAt),
        version: row.version,
      },
    ]);
  }

  async #read(where: SqlFragment): Promise<StoredSubscription[]> {
    return selectRows(
      this.#client,
      sql`SELECT ${COLUMNS} FROM ${this.#table} FINAL
          WHERE ${where} AND status != ${str(REMOVED)}
          ORDER BY created_at_ms, id`,
      SubscriptionRowSchema,
    );
  }
}
