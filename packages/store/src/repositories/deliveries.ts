import type { ClickHouseClient } from '@clickhouse/client';
import {
  DeliveryAttemptSchema,
  DeliverySchema,
  type Delivery,
  type DeliveryAttempt,
  type DeliveryStatus,
} from '@crimestats/contracts';
import { z } from 'zod';
import { int64Column, uint64Column } from '../columns.ts';
import { insertRows, selectRows } from '../query.ts';
import { list, qualified, sql, str, uint, type SqlFragment } from '../sql.ts';

/** A delivery's state with its row version: each change is written as the next version. */
export const StoredDeliverySchema = DeliverySchema.extend({ version: z.number().int().positive() });
export type StoredDelivery = z.infer<typeof StoredDeliverySchema>;

const StateRowSchema = z
  .object({
    delivery_id: z.string(),
    event_id: z.string(),
    subscription_id: z.string(),
    area_code: z.string(),
    status: z.string(),
    attempts: uint64Column,
    next_attempt_at_ms: uint64Column,
    last_error: z.string(),
    created_at_ms: uint64Column,
    updated_at_ms: uint64Column,
    version: uint64Column,
  })
  .transform((row) => ({
    id: row.delivery_id,
    eventId: row.event_id,
    subscriptionId: row.subscription_id,
    area: row.area_code,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? new Date(row.next_attempt_at_ms).toISOString() : null,
    lastError: row.last_error === '' ? null : row.last_error,
    createdAt: new Date(row.created_at_ms).toISOString(),
    updatedAt: new Date(row.updated_at_ms).toISOString(),
    version: row.version,
  }))
  .pipe(StoredDeliverySchema);

const AttemptRowSchema = z
  .object({
    delivery_id: z.string(),
    subscription_id: z.string(),
    attempt: uint64Column,
    attempted_at_ms: uint64Column,
    outcome: z.string(),
    status_code: int64Column,
    duration_ms: z.number(),
    error: z.string(),
  })
  .transform((row) => ({
    deliveryId: row.delivery_id,
    subscriptionId: row.subscription_id,
    attempt: row.attempt,
    attemptedAt: new Date(row.attempted_at_ms).toISOString(),
    outcome: row.outcome,
    statusCode: row.status_code < 0 ? null : row.status_code,
    durationMs: row.duration_ms,
    error: row.error === '' ? null : row.error,
  }))
  .pipe(DeliveryAttemptSchema);

const STATE_COLUMNS = sql`delivery_id, event_id, subscription_id, area_code, status, attempts,
  next_attempt_at_ms, last_error, created_at_ms, updated_at_ms, version`;

export interface DeliveryQuery {
  status?: DeliveryStatus;
  subscriptionId?: string;
  /** Only these areas' deliveries (a CSP token's own). */
  areas?: readonly string[];
  limit: number;
}

/** Deliveries' states and attempts. States are versioned rows; attempts are appended. */
export class DeliveriesRepository {
  readonly #client: ClickHouseClient;
  readonly #states: SqlFragment;
  readonly #attempts: SqlFragment;

  constructor(client: ClickHouseClient, database: string) {
    this.#client = client;
    this.#states = qualified(database, 'delivery_states');
    this.#attempts = qualified(database, 'delivery_attempts');
  }

  async saveStates(states: readonly StoredDelivery[]): Promise<void> {
    const valid = z.array(StoredDeliverySchema).parse(states);
    await insertRows(
      this.#client,
      this.#states,
      valid.map((d) => ({
        delivery_id: d.id,
        event_id: d.eventId,
        subscription_id: d.subscriptionId,
        area_code: d.area,
        status: d.status,
        attempts: d.attempts,
        next_attempt_at_ms: d.nextAttemptAt === null ? 0 : Date.parse(d.nextAttemptAt),
        last_error: d.lastError ?? '',
        created_at_ms: Date.parse(d.createdAt),
        updated_at_ms: Date.parse(d.updatedAt),
        version: d.version,
      })),
    );
  }

  async recordAttempts(attempts: readonly DeliveryAttempt[]): Promise<void> {
    const valid = z.array(DeliveryAttemptSchema).parse(attempts);
    await insertRows(
      this.#client,
      this.#attempts,
      valid.map((a) => ({
        delivery_id: a.deliveryId,
        subscription_id: a.subscriptionId,
        attempt: a.attempt,
        attempted_at_ms: Date.parse(a.attemptedAt),
        outcome: a.outcome,
        status_code: a.statusCode ?? -1,
        duration_ms: a.durationMs,
        error: a.error ?? '',
      })),
    );
  }

  async get(id: string): Promise<StoredDelivery | undefined> {
    const [row] = await this.list({ limit: 1 }, sql`delivery_id = ${str(id)}`);
    return row;
  }

  /** States of these deliveries (those that have one), by id. */
  async states(ids: readonly string[]): Promise<Map<string, StoredDelivery>> {
    if (ids.length === 0) return new Map();
    const rows = await this.list(
      { limit: ids.length },
      sql`delivery_id IN (${list(ids.map(str))})`,
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** Deliveries newest first, filtered as asked. */
  async list(query: DeliveryQuery, extra: SqlFragment = sql`1`): Promise<StoredDelivery[]> {
    const where: SqlFragment[] = [extra];
    if (query.status !== undefined) where.push(sql`status = ${str(query.status)}`);
    if (query.subscriptionId !== undefined) {
      where.push(sql`subscription_id = ${str(query.subscriptionId)}`);
    }
    if (query.areas !== undefined) {
      if (query.areas.length === 0) return [];
      where.push(sql`area_code IN (${list(query.areas.map(str))})`);
    }
    const condition = where.reduce((all, next) => sql`${all} AND ${next}`);
    return selectRows(
      this.#client,
      sql`SELECT ${STATE_COLUMNS} FROM ${this.#states} FINAL WHERE ${condition}
          ORDER BY created_at_ms DESC, delivery_id DESC LIMIT ${uint(query.limit)}`,
      StateRowSchema,
    );
  }

  /** A subscription's attempts, newest first. */
  async attempts(subscriptionId: string, limit: number): Promise<DeliveryAttempt[]> {
    return selectRows(
      this.#client,
      sql`SELECT delivery_id, subscription_id, attempt, attempted_at_ms, outcome, status_code,
                 duration_ms, error
          FROM ${this.#attempts} FINAL WHERE subscription_id = ${str(subscriptionId)}
          ORDER BY attempted_at_ms DESC, delivery_id DESC, attempt DESC LIMIT ${uint(limit)}`,
      AttemptRowSchema,
    );
  }
}

export type { Delivery };
