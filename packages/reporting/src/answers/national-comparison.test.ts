import { AreaRegistry, defaultCategories } from '@crimestats/domain';
import type { FigureRow } from '@crimestats/store';
import { describe, expect, it } from 'vitest';
import type { ComparisonQuery } from '../requests/comparison-query.ts';
import { figure } from '../testing/figure.ts';
import { forcesOfCsps, nationalComparisonFromFigures } from './national-comparison.ts';

// Two forces: North (two CSPs in a county, one unitary) and South (two CSPs).
const areas = AreaRegistry.fromRows([
  { code: 'E07000001', name: 'Northa', kind: 'csp' },
  { code: 'E07000002', name: 'Northb', kind: 'csp' },
  { code: 'E06000003', name: 'North City', kind: 'csp' },
  { code: 'E10000001', name: 'Northshire', kind: 'county', members: ['E07000001', 'E07000002'] },
  {
    code: 'E23000001',
    name: 'North Police',
    kind: 'force',
    members: ['E10000001', 'E06000003'],
    policeForce: { name: 'North Police', policeUkName: 'North Police' },
  },
  { code: 'E07000011', name: 'Southa', kind: 'csp' },
  { code: 'E07000012', name: 'Southb', kind: 'csp' },
  {
    code: 'E23000002',
    name: 'South Police',
    kind: 'force',
    members: ['E07000011', 'E07000012'],
    policeForce: { name: 'South Police', policeUkName: 'South Police' },
  },
]);
const reference = { areas, categories: defaultCategories };
const query: ComparisonQuery = {
  category: 'total-recorded-crime',
  periodEnd: '2025-12',
  months: 12,
};

/** A stored figure of one area; `rank` is the force table's, which the national table replaces. */
const at = (
  areaCode: string,
  ratePer1000: number | null,
  rank: number | null = null,
): FigureRow => {
  const area = areas.get(areaCode);
  return figure({
    areaCode,
    areaName: area.name,
    areaKind: area.kind,
    ratePer1000,
    population: ratePer1000 === null ? null : 1000,
    volume: Math.round(ratePer1000 ?? 5),
    rank: area.kind === 'csp' ? rank : null,
  });
};

const table = (figures: FigureRow[]) =>
  nationalComparisonFromFigures(query, figures, reference).rows.map((row) => [
    row.area.code,
    row.rank,
    row.force?.code,
  ]);

describe('nationalComparisonFromFigures', () => {
  it("ranks every force's CSP areas together by rate, then the force rows by name, no counties", () => {
    const figures = [
      at('E07000001', 40, 2),
      at('E07000002', 10, 3),
      at('E06000003', 70, 1),
      at('E10000001', 25),
      at('E23000001', 40),
      at('E07000011', 55, 1),
      at('E07000012', 20, 2),
      at('E23000002', 37.5),
    ];
    expect(table(figures)).toEqual([
      ['E06000003', 1, 'E23000001'],
      ['E07000011', 2, 'E23000002'],
      ['E07000001', 3, 'E23000001'],
      ['E07000012', 4, 'E23000002'],
      ['E07000002', 5, 'E23000001'],
      ['E23000001', null, 'E23000001'],
      ['E23000002', null, 'E23000002'],
    ]);
  });

  it('shares a rank between rates equal at the printed decimals, then skips; no rate is unranked and last', () => {
    const figures = [
      at('E07000001', 30.004),
      at('E07000011', 29.996),
      at('E07000002', 12),
      at('E07000012', null),
      at('E06000003', 50),
    ];
    expect(table(figures)).toEqual([
      ['E06000003', 1, 'E23000001'],
      ['E07000001', 2, 'E23000001'],
      ['E07000011', 2, 'E23000002'],
      ['E07000002', 4, 'E23000001'],
      ['E07000012', null, 'E23000002'],
    ]);
  });

  it('keeps the stored figures otherwise as they are, and the contract fields in order', () => {
    const stored = at('E07000011', 55, 1);
    const [row] = nationalComparisonFromFigures(query, [stored], reference).rows;
    expect(row).toEqual({
      area: { code: 'E07000011', name: 'Southa', kind: 'csp' },
      volume: stored.volume,
      population: stored.population,
      ratePer1000: 55,
      rank: 1,
      previousVolume: stored.previousVolume,
      volumeChange: stored.volumeChange,
      percentChange: stored.percentChange,
      complete: true,
      zScore: stored.zScore,
      significant: stored.significant,
      force: { code: 'E23000002', name: 'South Police' },
    });
  });

  it('drops figures of areas in no loaded force, and refuses figures of another query', () => {
    expect(table([at('E07000011', 5), figure({ areaCode: 'E07000039' })])).toEqual([
      ['E07000011', 1, 'E23000002'],
    ]);
    expect(() =>
      nationalComparisonFromFigures(query, [{ ...at('E07000011', 5), months: 3 }], reference),
    ).toThrow(/not the query's/);
  });

  it('has no rows without figures', () => {
    const answer = nationalComparisonFromFigures(query, [], reference);
    expect(answer.rows).toEqual([]);
    expect(answer.period).toEqual({ start: '2025-01', end: '2025-12', months: 12 });
  });
});

describe('forcesOfCsps', () => {
  it("maps each loaded CSP area to its force, through the force's counties", () => {
    expect([...forcesOfCsps(areas)].map(([csp, force]) => [csp, force.code]).sort()).toEqual([
      ['E06000003', 'E23000001'],
      ['E07000001', 'E23000001'],
      ['E07000002', 'E23000001'],
      ['E07000011', 'E23000002'],
      ['E07000012', 'E23000002'],
    ]);
  });
});
