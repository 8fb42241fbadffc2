import type { ClickHouseClient } from '@clickhouse/client';
import type { z } from 'zod';
import type { SqlFragment } from './sql.ts';

/** Runs a statement that returns no rows (DDL, SYSTEM, ...). */
export async function execute(client: ClickHouseClient, statement: SqlFragment): Promise<void> {
  await client.command({ query: statement.text });
}

/**
 * Runs a SELECT and parses every row with `rowSchema`, so nothing leaves the store unchecked. A row
 * that does not parse means the table and the code disagree; the error says which row and why.
 */
export async function selectRows<Schema extends z.ZodType>(
  client: ClickHouseClient,
  query: SqlFragment,
  rowSchema: Schema,
): Promise<Array<z.output<Schema>>> {
  const result = await client.query({ query: query.text, format: 'JSONEachRow' });
  const rows = await result.json<unknown>();
  return rows.map((row, i) => parsedRow(rowSchema, row, i));
}

/**
 * selectRows for large results: JSONCompact (18.16 has no JSONCompactEachRow), each row an array
 * of its columns, so a row of arrays costs no object per value. `named`, if given, turns each
 * array into the object `rowSchema` checks before it is checked: zod checks an object of plain
 * fields several times faster than a tuple, or than fields that transform.
 */
export async function selectCompactRows<Schema extends z.ZodType>(
  client: ClickHouseClient,
  query: SqlFragment,
  rowSchema: Schema,
  named?: (row: unknown) => unknown,
): Promise<Array<z.output<Schema>>> {
  const result = await client.query({ query: query.text, format: 'JSONCompact' });
  const { data } = await result.json<{ data: unknown[] }>();
  return data.map((row, i) => parsedRow(rowSchema, named ? named(row) : row, i));
}

function parsedRow<Schema extends z.ZodType>(
  rowSchema: Schema,
  row: unknown,
  i: number,
): z.output<Schema> {
  const parsed = rowSchema.safeParse(row);
  if (!parsed.success) {
    throw new Error(
      `unexpected row ${i + 1} from ClickHouse: ${parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`)
        .join('; ')}`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

/** Inserts already-validated rows as JSONEachRow into a table named by a checked fragment. */
export async function insertRows(
  client: ClickHouseClient,
  table: SqlFragment,
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  await client.insert({ table: table.text, format: 'JSONEachRow', values: [...rows] });
}
