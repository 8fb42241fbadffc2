import type { ClickHouseClient } from '@clickhouse/client';
import { FiguresEventDataSchema } from '@crimestats/contracts';
import { AreaCodeSchema } from '@crimestats/domain';
import { z } from 'zod';
import { int64Column, uint64Column } from '../columns.ts';
import { insertRows, selectRows } from '../query.ts';
import { int, qualified, sql, str, uint, type SqlFragment } from '../sql.ts';

/** Where an event's notices came from: a topic partition and the last offset it includes. */
export const EventSourceSchema = z.object({
  name: z.string().min(1),
  partition: z.number().int(),
  offset: z.number().int(),
});
export type EventSource = z.infer<typeof EventSourceSchema>;

/** One area's figures event as stored: its data, who it was for, and where it came from. */
export const StoredFigureEventSchema = z.object({
  id: z.string().min(1),
  area: AreaCodeSchema,
  createdAtMs: z.number().int().nonnegative(),
  data: FiguresEventDataSchema,
  subscriptionIds: z.array(z.string().min(1)),
  source: EventSourceSchema,
});
export type StoredFigureEvent = z.infer<typeof StoredFigureEventSchema>;

const EventRowSchema = z
  .object({
    event_id: z.string(),
    area_code: AreaCodeSchema,
    created_at_ms: uint64Column,
    data: z.string(),
    subscription_ids: z.array(z.string()),
    source: z.string(),
    source_partition: int64Column,
    source_offset: int64Column,
  })
  .transform((row) => ({
    id: row.event_id,
    area: row.area_code,
    createdAtMs: row.created_at_ms,
    data: JSON.parse(row.data) as unknown,
    subscriptionIds: row.subscription_ids,
    source: { name: row.source, partition: row.source_partition, offset: row.source_offset },
  }))
  .pipe(StoredFigureEventSchema);

const COLUMNS = sql`event_id, area_code, created_at_ms, data, subscription_ids, source,
  source_partition, source_offset`;

/** The order events are streamed in: by time made, then by id. */
export interface EventPosition {
  createdAtMs: number;
  id: string;
}

/** Figures events: each written once (a replay writes the same row), read by area and time. */
export class FigureEventsRepository {
  readonly #client: ClickHouseClient;
  readonly #table: SqlFragment;

  constructor(client: ClickHouseClient, database: string) {
    this.#client = client;
    this.#table = qualified(database, 'figure_events');
  }

  /** Writes events in one insert, so their source marks are stored with them or not at all. */
  async insert(events: readonly StoredFigureEvent[]): Promise<void> {
    const valid = z.array(StoredFigureEventSchema).parse(events);
    await insertRows(
      this.#client,
      this.#table,
      valid.map((e) => ({
        event_id: e.id,
        area_code: e.area,
        created_at_ms: e.createdAtMs,
        data: JSON.stringify(e.data),
        subscription_ids: e.subscriptionIds,
        source: e.source.name,
        source_partition: e.source.partition,
        source_offset: e.source.offset,
      })),
    );
  }

  /** The last offset already turned into events, per partition of a source. */
  async marks(source: string): Promise<Map<number, number>> {
    const rows = await selectRows(
      this.#client,
      sql`SELECT source_partition AS partition, max(source_offset) AS offset
          FROM ${this.#table} WHERE source = ${str(source)} GROUP BY source_partition`,
      z.object({ partition: int64Column, offset: int64Column }),
    );
    return new Map(rows.map((row) => [row.partition, row.offset]));
  }

  async get(id: string): Promise<StoredFigureEvent | undefined> {
    const [row] = await this.#select(sql`event_id = ${str(id)}`, 1);
    return row;
  }

  /** An area's events after a position (or its latest ones), oldest first, at most `limit`. */
  async forArea(
    area: string,
    after: EventPosition | undefined,
    limit: number,
  ): Promise<StoredFigureEvent[]> {
    if (after === undefined) {
      const newest = await this.#select(sql`area_code = ${str(area)}`, limit, 'DESC');
      return newest.reverse();
    }
    return this.#select(sql`area_code = ${str(area)} AND ${this.#after(after)}`, limit);
  }

  /** Every area's events after a position, oldest first: what a live stream has not yet seen. */
  async after(position: EventPosition, limit: number): Promise<StoredFigureEvent[]> {
    return this.#select(this.#after(position), limit);
  }

  /** Events made since a time, oldest first: the ones whose deliveries may still be open. */
  async since(createdAtMs: number, limit: number): Promise<StoredFigureEvent[]> {
    return this.#select(sql`created_at_ms >= ${uint(createdAtMs)}`, limit);
  }

  /** The newest position, so a stream starts after everything already stored. */
  async latestPosition(): Promise<EventPosition> {
    const [row] = await this.#select(sql`1`, 1, 'DESC');
    return row === undefined
      ? { createdAtMs: 0, id: '' }
      : { createdAtMs: row.createdAtMs, id: row.id };
  }

  #after(p: EventPosition): SqlFragment {
    const ms = int(p.createdAtMs);
    return sql`(created_at_ms > ${ms} OR (created_at_ms = ${ms} AND event_id > ${str(p.id)}))`;
  }

  async #select(
    where: SqlFragment,
    limit: number,
    order: 'ASC' | 'DESC' = 'ASC',
  ): Promise<StoredFigureEvent[]> {
    const direction = order === 'ASC' ? sql`ASC` : sql`DESC`;
    return selectRows(
      this.#client,
      sql`SELECT ${COLUMNS} FROM ${this.#table} FINAL WHERE ${where}
          ORDER BY created_at_ms ${direction}, event_id ${direction} LIMIT ${uint(limit)}`,
      EventRowSchema,
    );
  }
}
