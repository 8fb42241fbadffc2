import { randomUUID } from 'node:crypto';
import type { MonthlyRecord } from '@crimestats/contracts';
import { addMonths, defaultReference, monthsBetween, parseMonth } from '@crimestats/domain';
import {
  createStore,
  list,
  migrate,
  qualified,
  selectRows,
  sql,
  str,
  uint,
  type FigureRow,
  type Store,
} from '@crimestats/store';
import {
  clickhouseEngines,
  createTestDatabase,
  type TestDatabase,
} from '@crimestats/store/testing';
import fc from 'fast-check';
import pino from 'pino';
import { describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { RecordProcessor } from './record-processor.ts';

// Every stored figure against an independent computation: ClickHouse's own SQL over the stored
// records (latest revision per cell), for random worlds with gaps and corrections, for every
// configured window length, on both engines, for the world's categories and the parents derived
// from them. The SQL shares nothing with the recompute but the reference data it is given (which
// areas make up which rollup, which categories add up into which).

const FORCE = 'E23000018';
const reference = { ...defaultReference, forceCode: FORCE };
const CATEGORIES = ['shoplifting', 'robbery', 'bicycle-theft', 'anti-social-behaviour'];
const WINDOWS = [1, 5, 12];
const FIRST = parseMonth('2023-01');
const CSPS = reference.areas.cspMembersOf(FORCE).map((area) => area.code);

/** Each CSP area with every area its counts add up in: itself, its county, its force. */
const MEMBERSHIP: Array<[csp: string, area: string]> = [
  ...CSPS.map((csp): [string, string] => [csp, csp]),
  ...[...reference.areas.rollupsWithin(FORCE), reference.areas.get(FORCE)].flatMap((rollup) =>
    reference.areas
      .cspMembersOf(rollup.code)
      .map((member): [string, string] => [member.code, rollup.code]),
  ),
];
const FIGURE_AREAS = new Set(MEMBERSHIP.map(([, area]) => area)).size;

/**
 * Each category of the world with every category its counts add up in: itself, and each parent
 * derived from it, as far up as derivation goes (shoplifting → theft offences → total crime).
 */
const ROLLS_UP: Array<[category: string, into: string]> = CATEGORIES.flatMap((code) => {
  const into = [code];
  for (let at = code, parent = reference.categories.get(code).parent; parent !== null;) {
    if (!reference.categories.derivationChildrenOf(parent).some((c) => c.code === at)) break;
    into.push(parent);
    at = parent;
    parent = reference.categories.get(parent).parent;
  }
  return into.map((target): [string, string] => [code, target]);
});
const FIGURE_CATEGORIES = [...new Set(ROLLS_UP.map(([, into]) => into))];
const cspsIn = (area: string) => MEMBERSHIP.filter(([, target]) => target === area).length;

interface World {
  months: number;
  /** Per CSP, category and month: a count, or null for no record. */
  cells: Array<number | null>;
  /** Cells a later load corrects, with their new counts. */
  corrections: Array<[cell: number, count: number]>;
}

const cellCount = (months: number) => CSPS.length * CATEGORIES.length * months;

const worlds: fc.Arbitrary<World> = fc.integer({ min: 13, max: 30 }).chain((months) =>
  fc.record({
    months: fc.constant(months),
    cells: fc.array(fc.option(fc.integer({ min: 0, max: 60 }), { freq: 6 }), {
      minLength: cellCount(months),
      maxLength: cellCount(months),
    }),
    corrections: fc.array(
      fc.tuple(fc.nat({ max: cellCount(months) - 1 }), fc.integer({ min: 0, max: 60 })),
      { maxLength: 20 },
    ),
  }),
);

function recordsOf(world: World): { first: MonthlyRecord[]; second: MonthlyRecord[] } {
  const cellAt = (index: number, count: number, revision: number, batchId: string) => {
    const month = index % world.months;
    const category = Math.floor(index / world.months) % CATEGORIES.length;
    const csp = Math.floor(index / (world.months * CATEGORIES.length));
    return {
      areaCode: CSPS[csp]!,
      category: CATEGORIES[category]!,
      month: addMonths(FIRST, month),
      months: 1 as const,
      count,
      source: { kind: 'monthly-counts' as const, file: 'world.csv' },
      revision,
      batchId,
    };
  };
  const firstBatch = randomUUID();
  const secondBatch = randomUUID();
  return {
    first: world.cells.flatMap((count, index) =>
      count === null ? [] : [cellAt(index, count, 1, firstBatch)],
    ),
    second: world.corrections.map(([index, count]) => cellAt(index, count, 2, secondBatch)),
  };
}

const WindowSumsSchema = z.object({
  area: z.string(),
  category: z.string(),
  end_index: z.coerce.number(),
  volume: z.coerce.number(),
  present: z.coerce.number(),
  previous_volume: z.coerce.number(),
  previous_present: z.coerce.number(),
});
type WindowSums = z.infer<typeof WindowSumsSchema>;

const monthIndex = (month: string) => monthsBetween(FIRST, parseMonth(month));

/** Every area's window sums for these period ends (as month indices from FIRST), in SQL. */
async function windowSums(db: TestDatabase, months: number, ends: number[]): Promise<WindowSums[]> {
  const pairs = (rows: Array<[string, string]>) =>
    list(rows.map(([from, to]) => sql`(${str(from)}, ${str(to)})`));
  const membership = pairs(MEMBERSHIP);
  const rollsUp = pairs(ROLLS_UP);
  const first = str(FIRST);
  // Month indices from FIRST; a (CSP, month) cell counts once toward "present".
  return selectRows(
    db.client,
    sql`SELECT area, into AS category, end_index,
          sumIf(count, idx > end_index - ${uint(months)} AND idx <= end_index) AS volume,
          uniqExactIf(cell, idx > end_index - ${uint(months)} AND idx <= end_index) AS present,
          sumIf(count, idx > end_index - ${uint(2 * months)} AND idx <= end_index - ${uint(months)})
            AS previous_volume,
          uniqExactIf(cell, idx > end_index - ${uint(2 * months)}
            AND idx <= end_index - ${uint(months)}) AS previous_present
        FROM (
          SELECT
            arrayJoin(arrayMap(p -> tupleElement(p, 2),
              arrayFilter(p -> tupleElement(p, 1) = area_code, [${membership}]))) AS area,
            arrayJoin(arrayMap(p -> tupleElement(p, 2),
              arrayFilter(p -> tupleElement(p, 1) = category, [${rollsUp}]))) AS into,
            count, concat(area_code, '|', category, '|', month) AS cell,
            (toYear(toDate(concat(month, '-01'))) - toYear(toDate(concat(${first}, '-01')))) * 12
              + toMonth(toDate(concat(month, '-01'))) - 1 AS idx
          FROM ${qualified(db.database, 'monthly_records')} FINAL
        ) AS records
        CROSS JOIN (SELECT arrayJoin([${list(ends.map((end) => uint(end)))}]) AS end_index) AS ends
        GROUP BY area, into, end_index`,
    WindowSumsSchema,
  );
}

/**
 * What a stored figure must say, from the SQL sums (no row: the area has no record at all). A
 * derived parent is never complete here: the world supplies only some of its children.
 */
function expectedFigure(
  sums: WindowSums | undefined,
  months: number,
  area: string,
  category: string,
) {
  const cells = months * cspsIn(area);
  return {
    volume: sums?.volume ?? 0,
    previousVolume: sums && sums.previous_present > 0 ? sums.previous_volume : null,
    complete:
      CATEGORIES.includes(category) &&
      sums !== undefined &&
      sums.present === cells &&
      sums.previous_present === cells,
  };
}

async function checkWorld(db: TestDatabase, store: Store, world: World): Promise<void> {
  const processor = new RecordProcessor({
    store,
    reference,
    windows: WINDOWS,
    updates: { publish: async () => {} },
    logger: pino({ level: 'silent' }),
  });
  const { first, second } = recordsOf(world);
  await processor.processRecords(first);
  if (second.length > 0) await processor.processRecords(second);

  for (const months of WINDOWS) {
    const stored: FigureRow[] = await store.figures.readRange({
      categories: FIGURE_CATEGORIES,
      months,
      fromEnd: FIRST,
      toEnd: addMonths(FIRST, world.months - 1),
    });
    const ends = [...new Set(stored.map((row) => monthIndex(row.periodEnd)))];
    const sums = new Map(
      (await windowSums(db, months, ends)).map((row) => [
        `${row.area}|${row.category}|${row.end_index}`,
        row,
      ]),
    );
    const actual = stored.map((row) => ({
      key: `${row.areaCode} ${row.category} ${row.periodEnd} (${months} months)`,
      volume: row.volume,
      previousVolume: row.previousVolume,
      complete: row.complete,
    }));
    const expected = stored.map((row) => ({
      key: `${row.areaCode} ${row.category} ${row.periodEnd} (${months} months)`,
      ...expectedFigure(
        sums.get(`${row.areaCode}|${row.category}|${monthIndex(row.periodEnd)}`),
        months,
        row.areaCode,
        row.category,
      ),
    }));
    expect(actual).toEqual(expected);
    // Every area of the force, every category and every period end with data has a figure.
    expect(stored).toHaveLength(FIGURE_AREAS * FIGURE_CATEGORIES.length * ends.length);
  }
}

describe.each(clickhouseEngines)('stored figures against SQL over the records (%s)', (engine) => {
  it(
    'agree for random worlds, every window length, after corrections',
    { timeout: 300_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(worlds, async (world) => {
          const db = await createTestDatabase(engine, inject('clickhouseUrl'));
          try {
            await migrate(db.client, db.database);
            await checkWorld(db, createStore(db.client, db.database), world);
          } finally {
            await db.cleanup();
          }
        }),
        { numRuns: 4, endOnFailure: true },
      );
    },
  );
});
