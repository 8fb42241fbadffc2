import { parseMonth, type MonthlyCount } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { compareAreasSeries } from './comparison-series.ts';
import { compareAreas, type ComparisonRequest } from './comparison.ts';
import { series, TINY, tinyReference } from './testing/tiny-reference.ts';

const end = parseMonth('2025-12');
const ones = (months = 24): number[] => Array<number>(months).fill(1);
const full = (areaCode: string, perMonth: number[], category = 'theft'): MonthlyCount[] =>
  series(areaCode, category, '2024-01', perMonth);

function compare(counts: MonthlyCount[], extra: Partial<ComparisonRequest> = {}) {
  return compareAreas({ counts, category: 'theft', end, reference: tinyReference(), ...extra });
}

const everyone = [...full(TINY.a, ones()), ...full(TINY.b, ones()), ...full(TINY.d, ones())];

describe('compareAreas', () => {
  it('answers with the category, the period and the rows in contract shape and order', () => {
    const comparison = compare(everyone);
    expect(comparison.category).toEqual({ code: 'theft', name: 'Theft' });
    expect(comparison.period).toEqual({ start: '2025-01', end: '2025-12', months: 12 });
    expect(comparison.rows.map((row) => row.area.code)).toEqual([
      TINY.a,
      TINY.b,
      TINY.d,
      TINY.county,
      TINY.force,
    ]);
    expect(Object.keys(comparison.rows[0] ?? {})).toEqual([
      'area',
      'volume',
      'population',
      'ratePer1000',
      'rank',
      'previousVolume',
      'volumeChange',
      'percentChange',
      'complete',
      'zScore',
      'significant',
    ]);
    expect(comparison.rows[0]).toEqual({
      area: { code: TINY.a, name: 'Alpha', kind: 'csp' },
      volume: 12,
      population: 1000,
      ratePer1000: 12,
      rank: 1,
      previousVolume: 12,
      volumeChange: 0,
      percentChange: 0,
      complete: true,
      zScore: 0,
      significant: false,
    });
  });

  it('sums rollups from their CSP members, with rollup populations from the rule', () => {
    const [, , , county, force] = compare(everyone).rows;
    expect(county).toMatchObject({ volume: 24, population: 3000, ratePer1000: 8, rank: null });
    expect(force).toMatchObject({ volume: 36, population: 7000, previousVolume: 36, rank: null });
  });

  it('ignores records supplied for a rollup code', () => {
    const [, , , county] = compare([
      ...everyone,
      ...full(
        TINY.county,
        ones().map(() => 99),
      ),
    ]).rows;
    expect(county?.volume).toBe(24);
  });

  it('uses a population a rollup carries itself', () => {
    const reference = tinyReference([
      { areaCode: TINY.a, year: 2025, population: 1000 },
      { areaCode: TINY.b, year: 2025, population: 2000 },
      { areaCode: TINY.d, year: 2025, population: 4000 },
      { areaCode: TINY.county, year: 2025, population: 2400 },
    ]);
    const rows = compareAreas({ counts: everyone, category: 'theft', end, reference }).rows;
    expect(rows[3]).toMatchObject({ population: 2400, ratePer1000: 10 });
    expect(rows[4]).toMatchObject({ population: 6400 });
  });

  it('gives no rate and no rank without a population, listing such areas last', () => {
    const reference = tinyReference([
      { areaCode: TINY.a, year: 2025, population: 1000 },
      { areaCode: TINY.b, year: 2025, population: 2000 },
    ]);
    const rows = compareAreas({ counts: everyone, category: 'theft', end, reference }).rows;
    expect(rows.map((row) => [row.area.code, row.rank])).toEqual([
      [TINY.a, 1],
      [TINY.b, 2],
      [TINY.d, null],
      [TINY.county, null],
      [TINY.force, null],
    ]);
    expect(rows[2]).toMatchObject({ population: null, ratePer1000: null, volume: 12 });
    expect(rows[4]).toMatchObject({ population: null, ratePer1000: null });
  });

  it('shares ranks on equal published rates and lists ties by name', () => {
    const counts = [
      ...full(TINY.b, [...ones(12), 1, ...Array<number>(11).fill(2)]),
      ...full(TINY.a, ones()),
      ...full(TINY.d, ones()),
    ];
    const reference = tinyReference([
      { areaCode: TINY.a, year: 2025, population: 1000 },
      { areaCode: TINY.b, year: 2025, population: 1917 },
      { areaCode: TINY.d, year: 2025, population: 2000 },
    ]);
    const rows = compareAreas({ counts, category: 'theft', end, reference }).rows;
    // Alpha 12/1000 = 12.000 and Beta 23/1917 = 11.998 both print as 12.00, so they tie.
    expect(rows.slice(0, 3).map((row) => [row.area.name, row.rank])).toEqual([
      ['Alpha', 1],
      ['Beta', 1],
      ['Delta City', 3],
    ]);
    const unrounded = compareAreas({
      counts,
      category: 'theft',
      end,
      reference,
      rankDecimals: null,
    });
    expect(unrounded.rows.slice(0, 2).map((row) => row.rank)).toEqual([1, 2]);
  });

  it('is incomplete when any month of either window is missing, an explicit zero counting', () => {
    const counts = [
      ...full(
        TINY.a,
        ones().map((_, i) => (i === 20 ? 0 : 1)),
      ),
      ...series(
        TINY.b,
        'theft',
        '2024-01',
        ones().map((_, i) => (i === 3 ? null : 1)),
      ),
      ...full(TINY.d, ones().slice(0, 23)),
    ];
    const rows = compare(counts).rows;
    const byCode = new Map(rows.map((row) => [row.area.code, row]));
    expect(byCode.get(TINY.a)).toMatchObject({ complete: true, volume: 11 });
    expect(byCode.get(TINY.b)).toMatchObject({ complete: false, previousVolume: 11 });
    expect(byCode.get(TINY.d)).toMatchObject({ complete: false, volume: 11 });
    expect(byCode.get(TINY.county)).toMatchObject({ complete: false, volume: 23 });
    expect(byCode.get(TINY.force)?.complete).toBe(false);
  });

  it('has no previous figures, z or flag when the previous window has no data at all', () => {
    const counts = [
      ...series(TINY.a, 'theft', '2025-01', ones(12)),
      ...full(TINY.b, ones()),
      ...full(TINY.d, ones()),
    ];
    const rows = new Map(compare(counts).rows.map((row) => [row.area.code, row]));
    expect(rows.get(TINY.a)).toMatchObject({
      volume: 12,
      previousVolume: null,
      volumeChange: null,
      percentChange: null,
      zScore: null,
      significant: null,
      complete: false,
    });
    expect(rows.get(TINY.county)).toMatchObject({ previousVolume: 12, complete: false });
  });

  it('does not call a first year of data significant, though it doubles the previous half year', () => {
    // Data from July 2024: the previous window holds six months, the current twelve.
    const counts = [
      ...series(TINY.a, 'theft', '2024-07', Array<number>(18).fill(10)),
      ...full(TINY.b, ones()),
      ...full(TINY.d, ones()),
    ];
    const alpha = compare(counts).rows.find((row) => row.area.code === TINY.a);
    expect(alpha).toMatchObject({
      volume: 120,
      previousVolume: 60,
      percentChange: 100,
      complete: false,
      zScore: null,
      significant: null,
    });
  });

  it('has a previous volume but no % change when the previous window is all zeros', () => {
    const counts = [
      ...full(TINY.a, [...Array<number>(12).fill(0), ...ones(12)]),
      ...everyone.slice(24),
    ];
    const alpha = compare(counts).rows.find((row) => row.area.code === TINY.a);
    expect(alpha).toMatchObject({ previousVolume: 0, volumeChange: 12, percentChange: null });
    expect(alpha?.zScore).toBeCloseTo(2 * Math.sqrt(12), 12);
    expect(alpha?.significant).toBe(true);
  });

  it('gives a zero volume, incomplete, for an area with no data at all', () => {
    const alpha = compare(everyone.slice(24)).rows.find((row) => row.area.code === TINY.a);
    expect(alpha).toMatchObject({
      volume: 0,
      ratePer1000: 0,
      previousVolume: null,
      complete: false,
    });
  });

  it('flags significant changes with the Poisson z-score', () => {
    const counts = [
      ...full(TINY.a, [...Array<number>(12).fill(10), ...Array<number>(12).fill(15)]),
      ...everyone.slice(24),
    ];
    const alpha = compare(counts).rows.find((row) => row.area.code === TINY.a);
    expect(alpha?.zScore).toBeCloseTo(2 * (Math.sqrt(180) - Math.sqrt(120)), 12);
    expect(alpha?.significant).toBe(true);
  });

  it('derives the total from its children when it is not supplied', () => {
    const counts = [
      ...full(TINY.a, ones(), 'theft'),
      ...full(TINY.a, ones(), 'damage'),
      ...full(TINY.a, ones(), 'asb'),
      ...full(TINY.b, ones(), 'total'),
    ];
    const rows = new Map(
      compare(counts, { category: 'total' }).rows.map((row) => [row.area.code, row]),
    );
    expect(rows.get(TINY.a)?.volume).toBe(24);
    expect(rows.get(TINY.b)?.volume).toBe(12);
    expect(rows.get(TINY.d)).toMatchObject({ volume: 0, complete: false });
  });

  it('is complete for a derived parent only when every child has a record for every month', () => {
    const damageWithAGap = ones().map((one, i) => (i === 20 ? null : one));
    const counts = [
      ...full(TINY.a, ones(), 'theft'),
      ...full(TINY.a, ones(), 'damage'),
      ...full(TINY.b, ones(), 'theft'),
      ...series(TINY.b, 'damage', '2024-01', damageWithAGap),
      ...full(TINY.d, ones(), 'theft'),
      ...full(TINY.d, ones(), 'damage'),
    ];
    const request = { counts, category: 'total', reference: tinyReference() };
    for (const comparison of [
      compareAreas({ ...request, end }),
      ...compareAreasSeries({ ...request, ends: [end] }),
    ]) {
      const rows = new Map(comparison.rows.map((row) => [row.area.code, row]));
      expect(rows.get(TINY.a)).toMatchObject({ volume: 24, complete: true });
      expect(rows.get(TINY.b)).toMatchObject({ volume: 23, complete: false });
      expect(rows.get(TINY.d)).toMatchObject({ volume: 24, complete: true });
      expect(rows.get(TINY.county)).toMatchObject({ volume: 47, complete: false });
    }
  });

  it('honours other window lengths', () => {
    const comparison = compare(everyone, { months: 3 });
    expect(comparison.period).toEqual({ start: '2025-10', end: '2025-12', months: 3 });
    expect(comparison.rows[0]).toMatchObject({ volume: 3, previousVolume: 3, complete: true });
  });

  it('uses the population of the end year, falling back to the nearest earlier', () => {
    const counts = series(TINY.a, 'theft', '2025-01', ones(24));
    const rows = compare(counts, { end: parseMonth('2026-12') }).rows;
    expect(rows.find((row) => row.area.code === TINY.a)?.population).toBe(1000);
  });

  it('refuses an unknown category, a non-force, or an ambiguous force', () => {
    expect(() => compare(everyone, { category: 'nothing' })).toThrow(RangeError);
    expect(() => compare(everyone, { forceCode: TINY.county })).toThrow(/not a force/);
    expect(compare(everyone, { forceCode: TINY.force }).rows).toHaveLength(5);
  });
});
