import { readFileSync } from 'node:fs';
import { defaultReference, monthRange, parseMonth, type MonthlyCount } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { compareAreasSeries } from './comparison-series.ts';
import { compareAreas } from './comparison.ts';
import { CountIndex } from './count-index.ts';
import { toFixedHalfAwayFromZero } from './rounding.ts';
import { buildPlanMonthlyCounts } from './testing/plan-fixture.ts';
import { parsePlanTablesCsv } from './testing/plan-tables-csv.ts';
import { series, TINY, tinyReference } from './testing/tiny-reference.ts';

const PLAN_TABLES = new URL(
  '../../../test/fixtures/reference/plan-tables-2025.csv',
  import.meta.url,
);
const planRows = parsePlanTablesCsv(readFileSync(PLAN_TABLES, 'utf8'));
const planCounts = CountIndex.fromRecords(buildPlanMonthlyCounts());
/** Every end the plan's data reaches, and a few beyond it on both sides. */
const planEnds = monthRange(parseMonth('2023-10'), parseMonth('2026-03'));

describe('compareAreasSeries on the golden plan fixture', () => {
  it.each(defaultReference.categories.all().map((c) => c.code))(
    '%s: every end, 12- and 3-month windows, equals compareAreas',
    (category) => {
      for (const months of [12, 3]) {
        const request = { counts: planCounts, category, months, reference: defaultReference };
        const expected = planEnds.map((end) => compareAreas({ ...request, end }));
        expect(compareAreasSeries({ ...request, ends: planEnds })).toStrictEqual(expected);
      }
    },
  );

  it("reproduces the plan's published tables", () => {
    const tables = [...new Set(planRows.map((row) => row.table))];
    expect(tables).toHaveLength(4);
    for (const table of tables) {
      const rows = planRows.filter((row) => row.table === table);
      const category = defaultReference.categories.all().find((c) => c.name === rows[0]?.category);
      const [comparison] = compareAreasSeries({
        counts: planCounts,
        category: category?.code ?? '',
        ends: [parseMonth(rows[0]?.period_end ?? '')],
        reference: defaultReference,
      });
      expect(
        comparison?.rows.map((row) => [
          row.area.name,
          row.volume,
          toFixedHalfAwayFromZero(row.ratePer1000 ?? Number.NaN, 2),
        ]),
      ).toEqual(rows.map((row) => [row.area, Number(row.volume), row.rate_per_1000]));
    }
  });
});

describe('compareAreasSeries', () => {
  const reference = tinyReference();
  const counts: MonthlyCount[] = [
    ...series(TINY.a, 'theft', '2024-01', Array<number>(24).fill(2)),
    ...series(TINY.b, 'theft', '2024-03', [5, null, 0, 7]),
  ];

  it('answers in the order of the ends given, repeats included', () => {
    const ends = ['2025-12', '2024-06', '2025-12'].map(parseMonth);
    const result = compareAreasSeries({ counts, category: 'theft', ends, reference });
    expect(result.map((c) => c.period.end)).toEqual(ends);
    expect(result).toStrictEqual(
      ends.map((end) => compareAreas({ counts, category: 'theft', end, reference })),
    );
  });

  it('answers nothing for no ends, but still refuses an unknown category or force', () => {
    expect(compareAreasSeries({ counts, category: 'theft', ends: [], reference })).toEqual([]);
    expect(() => compareAreasSeries({ counts, category: 'nope', ends: [], reference })).toThrow(
      RangeError,
    );
    expect(() =>
      compareAreasSeries({ counts, category: 'theft', ends: [], reference, forceCode: TINY.a }),
    ).toThrow(/not a force/);
  });

  it('stays exact when the running sums pass 2^53, by summing those windows month by month', () => {
    const huge = series(TINY.a, 'theft', '2025-01', [2 ** 52, 2 ** 52, 1, 3, 2 ** 52 + 2]);
    const ends = monthRange(parseMonth('2025-01'), parseMonth('2025-06'));
    for (const months of [1, 2, 3]) {
      const request = { counts: huge, category: 'theft', months, reference };
      expect(compareAreasSeries({ ...request, ends })).toStrictEqual(
        ends.map((end) => compareAreas({ ...request, end })),
      );
    }
  });
});
