import { type Comparison, type ComparisonRow } from './comparison-rows.ts';
import { readFileSync } from 'node:fs';
import { defaultReference, parseMonth, type Category } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { compareAreas } from './comparison.ts';
import { CountIndex } from './count-index.ts';
import { competitionRanks } from './ranking.ts';
import { toFixedHalfAwayFromZero } from './rounding.ts';
import { buildPlanMonthlyCounts } from './testing/plan-fixture.ts';
import { parsePlanTablesCsv, type PlanTableRow } from './testing/plan-tables-csv.ts';

// The repository root is three levels up from packages/stats/src.
const PLAN_TABLES = new URL(
  '../../../test/fixtures/reference/plan-tables-2025.csv',
  import.meta.url,
);

const planRows = parsePlanTablesCsv(readFileSync(PLAN_TABLES, 'utf8'));
const tables = [...new Set(planRows.map((row) => row.table))];
const counts = CountIndex.fromRecords(buildPlanMonthlyCounts());

function categoryNamed(name: string): Category {
  const category = defaultReference.categories.all().find((c) => c.name === name);
  if (category === undefined) throw new Error(`no category named ${name}`);
  return category;
}

function compare(rows: readonly PlanTableRow[], rankDecimals?: number | null): Comparison {
  const [first] = rows;
  if (first === undefined) throw new Error('empty table');
  return compareAreas({
    counts,
    category: categoryNamed(first.category).code,
    end: parseMonth(first.period_end),
    months: 12,
    reference: defaultReference,
    ...(rankDecimals === undefined ? {} : { rankDecimals }),
  });
}

function rowFor(comparison: Comparison, areaName: string): ComparisonRow {
  const row = comparison.rows.find((candidate) => candidate.area.name === areaName);
  if (row === undefined) throw new Error(`no row for ${areaName}`);
  return row;
}

describe('golden: the South Derbyshire CSP plan 2026–2029 tables', () => {
  it('covers all four tables and 44 rows', () => {
    expect(tables).toHaveLength(4);
    expect(planRows).toHaveLength(44);
  });

  describe.each(tables)('%s', (table) => {
    const rows = planRows.filter((row) => row.table === table);
    const comparison = compare(rows);

    it('names the category and period as the plan does', () => {
      expect(comparison.category.name).toBe(rows[0]?.category);
      expect(comparison.period).toEqual({
        start: rows[0]?.period_start,
        end: rows[0]?.period_end,
        months: 12,
      });
    });

    it.each(rows.map((row) => [row.area, row] as const))('%s', (_area, planRow) => {
      const row = rowFor(comparison, planRow.area);
      expect(row.volume).toBe(Number(planRow.volume));
      expect(row.ratePer1000).not.toBeNull();
      expect(toFixedHalfAwayFromZero(row.ratePer1000 ?? Number.NaN, 2)).toBe(planRow.rate_per_1000);
      expect(row.complete).toBe(true);
      if (planRow.previous_volume !== '') {
        expect(row.previousVolume).toBe(Number(planRow.previous_volume));
        expect(row.volumeChange).toBe(Number(planRow.volume_change));
        expect(row.percentChange).not.toBeNull();
        expect(toFixedHalfAwayFromZero(row.percentChange ?? Number.NaN, 1)).toBe(
          planRow.percent_change,
        );
      }
    });

    it('lists the CSP areas in the plan order, then the county, then the force', () => {
      expect(comparison.rows.map((row) => row.area.name)).toEqual(rows.map((row) => row.area));
      expect(comparison.rows.map((row) => row.area.kind)).toEqual([
        ...Array<string>(9).fill('csp'),
        'county',
        'force',
      ]);
    });

    it('ranks the CSP areas by published rate, ties sharing a rank', () => {
      const cspRows = rows.slice(0, 9);
      const expected = competitionRanks(cspRows.map((row) => Number(row.rate_per_1000)));
      expect(comparison.rows.map((row) => row.rank)).toEqual([...expected, null, null]);
    });
  });

  it('shares rank 7 between Amber Valley and North East Derbyshire (both 1.10) on theft of a motor vehicle', () => {
    const comparison = compare(
      planRows.filter((row) => row.table === 'theft-of-motor-vehicle-2025'),
    );
    expect(rowFor(comparison, 'Amber Valley').rank).toBe(7);
    expect(rowFor(comparison, 'North East Derbyshire').rank).toBe(7);
    expect(rowFor(comparison, 'Derbyshire Dales').rank).toBe(9);
  });

  it('would split that tie on unrounded rates, against the plan (why ranking uses 2 decimals)', () => {
    const comparison = compare(
      planRows.filter((row) => row.table === 'theft-of-motor-vehicle-2025'),
      null,
    );
    const amber = rowFor(comparison, 'Amber Valley');
    const northEast = rowFor(comparison, 'North East Derbyshire');
    expect(northEast.ratePer1000).toBeGreaterThan(amber.ratePer1000 ?? Number.POSITIVE_INFINITY);
    expect([northEast.rank, amber.rank]).toEqual([7, 8]);
  });

  it("reproduces the rows the CSV's note corrects: county total crime and force ASB", () => {
    const county = rowFor(
      compare(planRows.filter((row) => row.table === 'total-crime-2025')),
      'County Council area',
    );
    expect([county.volume, toFixedHalfAwayFromZero(county.ratePer1000 ?? 0, 2)]).toEqual([
      54095,
      '65.78',
    ]);
    const force = rowFor(
      compare(planRows.filter((row) => row.table === 'anti-social-behaviour-2025')),
      'Force area',
    );
    expect([force.volume, toFixedHalfAwayFromZero(force.ratePer1000 ?? 0, 2)]).toEqual([
      15916,
      '14.52',
    ]);
  });
});
