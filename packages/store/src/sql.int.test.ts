import { clickhouseEngines } from './testing/index.ts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { int64Column, uint64Column } from './columns.ts';
import { insertRows, selectRows } from './query.ts';
import { float, int, qualified, sql, str, uint } from './sql.ts';
import { withMigratedDatabase } from './testing/migrated-database.ts';

const nastyStrings = [
  "'; DROP TABLE x; --",
  "' OR '1'='1",
  "\\'; DROP TABLE x; --",
  '\\',
  '\\\\',
  "\\'",
  "''",
  'a\\nb \\x41 \\0 \\u0041',
  'line\nbreak\r\ttab',
  '\x01\x08\x1b\x1f\x7f',
  '`backticks` "double"',
  '{name:String} ? $1 :x',
  '/* comment */ -- comment',
  'é 中文 😀 \u202e reversed',
  '\u2028\u2029\ufeff\u00a0',
  '',
];

describe.each(clickhouseEngines)('sql literals on a real engine (%s)', (engine) => {
  it('reads every nasty string back exactly from SELECT', async () => {
    await withMigratedDatabase(engine, async (db) => {
      for (const value of nastyStrings) {
        const rows = await selectRows(
          db.client,
          sql`SELECT ${str(value)} AS v`,
          z.object({ v: z.string() }),
        );
        expect(rows, JSON.stringify(value)).toEqual([{ v: value }]);
      }
    });
  });

  it('reads numbers back exactly', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const rows = await selectRows(
        db.client,
        sql`SELECT ${uint(Number.MAX_SAFE_INTEGER)} AS big, ${int(-42)} AS negative,
                   ${float(-1.25e-7)} AS small, ${float(1e21)} AS large, ${uint(0)} AS zero`,
        z.object({
          big: uint64Column,
          negative: int64Column,
          small: z.number(),
          large: z.number(),
          zero: uint64Column,
        }),
      );
      expect(rows).toEqual([
        { big: Number.MAX_SAFE_INTEGER, negative: -42, small: -1.25e-7, large: 1e21, zero: 0 },
      ]);
    });
  });

  it('matches nasty strings stored through an insert in a WHERE clause', async () => {
    await withMigratedDatabase(engine, async (db) => {
      const loads = qualified(db.database, 'loads');
      await insertRows(
        db.client,
        loads,
        nastyStrings.map((value, i) => ({
          batch_id: `batch-${i}`,
          source_kind: 'monthly-counts',
          source_file: value,
          latest_month: '2025-01',
          rows: 0,
          records: 0,
          loaded_at: 0,
        })),
      );
      for (const [i, value] of nastyStrings.entries()) {
        const rows = await selectRows(
          db.client,
          sql`SELECT batch_id, source_file FROM ${loads} WHERE source_file = ${str(value)}`,
          z.object({ batch_id: z.string(), source_file: z.string() }),
        );
        expect(rows, JSON.stringify(value)).toEqual([
          { batch_id: `batch-${i}`, source_file: value },
        ]);
      }
    });
  });
});
