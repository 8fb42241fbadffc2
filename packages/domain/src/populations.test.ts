import { describe, expect, it } from 'vitest';
import { AreaRegistry } from './area-registry.ts';
import { parseMonth } from './months.ts';
import { PopulationTable } from './populations.ts';

const areas = AreaRegistry.fromRows([
  { code: 'E07000091', name: 'Alpha', kind: 'csp' },
  { code: 'E07000092', name: 'Beta', kind: 'csp' },
  { code: 'E06000099', name: 'Gamma', kind: 'csp' },
  { code: 'E10000099', name: 'County', kind: 'county', members: ['E07000091', 'E07000092'] },
  {
    code: 'E23000099',
    name: 'Force',
    kind: 'force',
    members: ['E10000099', 'E06000099'],
    policeForce: { name: 'Test Constabulary', policeUkName: 'Test Constabulary' },
  },
]);
const row = (areaCode: string, year: number, population: number) => ({
  areaCode,
  year,
  population,
});

describe('PopulationTable year choice', () => {
  const table = PopulationTable.fromRows([
    row('E07000091', 2021, 100),
    row('E07000091', 2023, 130),
    row('E07000091', 2025, 150),
  ]);

  it('uses the year itself when present', () => {
    expect(table.ownPopulation('E07000091', 2023)).toBe(130);
  });

  it('falls back to the nearest earlier year', () => {
    expect(table.ownPopulation('E07000091', 2024)).toBe(130);
    expect(table.ownPopulation('E07000091', 2030)).toBe(150);
  });

  it('falls back to the nearest later year only when nothing is earlier', () => {
    expect(table.ownPopulation('E07000091', 2019)).toBe(100);
  });

  it('knows nothing of areas without rows', () => {
    expect(table.ownPopulation('E07000092', 2025)).toBeUndefined();
  });

  it('uses the end year of a period', () => {
    expect(table.populationForPeriod('E07000091', parseMonth('2024-12'), areas)).toBe(130);
    expect(table.populationForPeriod('E07000091', parseMonth('2025-01'), areas)).toBe(150);
  });
});

describe('PopulationTable rollups', () => {
  const members = [row('E07000091', 2025, 100), row('E07000092', 2025, 200)];

  it('sums members recursively when a rollup carries no population', () => {
    const table = PopulationTable.fromRows([...members, row('E06000099', 2025, 50)]);
    expect(table.populationOf('E10000099', 2025, areas)).toBe(300);
    expect(table.populationOf('E23000099', 2025, areas)).toBe(350);
  });

  it('prefers a population the rollup carries itself', () => {
    const table = PopulationTable.fromRows([
      ...members,
      row('E06000099', 2025, 50),
      row('E10000099', 2025, 310),
    ]);
    expect(table.populationOf('E10000099', 2025, areas)).toBe(310);
    expect(table.populationOf('E23000099', 2025, areas)).toBe(360);
  });

  it("uses a rollup's own population only for its exact year, else its members' sum", () => {
    const table = PopulationTable.fromRows([
      ...members,
      row('E06000099', 2025, 50),
      row('E10000099', 2025, 310),
      row('E23000099', 2024, 999),
    ]);
    // 2025: the county's own; the force has none for 2025, so its members' (the county's own).
    expect(table.populationOf('E10000099', 2025, areas)).toBe(310);
    expect(table.populationOf('E23000099', 2025, areas)).toBe(360);
    // Other years: the members, each from its own nearest year; a rollup's rows never stand in.
    expect(table.populationOf('E10000099', 2026, areas)).toBe(300);
    expect(table.populationOf('E10000099', 2024, areas)).toBe(300);
    expect(table.populationOf('E23000099', 2026, areas)).toBe(350);
    expect(table.populationOf('E23000099', 2024, areas)).toBe(999);
  });

  it('follows a new member figure in every year the rollup has no figure of its own', () => {
    const base = PopulationTable.fromRows([
      ...members,
      row('E06000099', 2025, 50),
      row('E10000099', 2025, 310),
    ]);
    const corrected = base.withRows([row('E07000091', 2024, 90)]);
    expect(corrected.populationOf('E10000099', 2024, areas)).toBe(290);
    expect(corrected.populationOf('E23000099', 2024, areas)).toBe(340);
    expect(corrected.populationOf('E10000099', 2025, areas)).toBe(310);
  });

  it('has no rollup population in a year its members cannot give, whatever its own rows', () => {
    const table = PopulationTable.fromRows([row('E10000099', 2025, 310)]);
    expect(table.populationOf('E10000099', 2025, areas)).toBe(310);
    expect(table.populationOf('E10000099', 2026, areas)).toBeUndefined();
  });

  it('gives no population rather than a short sum when a member has none', () => {
    const table = PopulationTable.fromRows(members);
    expect(table.populationOf('E23000099', 2025, areas)).toBeUndefined();
    expect(table.populationOf('E06000099', 2025, areas)).toBeUndefined();
  });

  it('lets each member pick its own nearest year', () => {
    const table = PopulationTable.fromRows([
      row('E07000091', 2024, 90),
      row('E07000092', 2026, 210),
    ]);
    expect(table.populationOf('E10000099', 2025, areas)).toBe(300);
  });
});

describe('PopulationTable.withRows', () => {
  it('overrides the same area and year and extends others, leaving the original alone', () => {
    const base = PopulationTable.fromRows([row('E07000091', 2025, 100)]);
    const extended = base.withRows([row('E07000091', 2025, 111), row('E07000091', 2026, 120)]);
    expect(base.ownPopulation('E07000091', 2026)).toBe(100);
    expect(extended.ownPopulation('E07000091', 2025)).toBe(111);
    expect(extended.ownPopulation('E07000091', 2026)).toBe(120);
    expect(extended.rows()).toHaveLength(2);
  });

  it('refuses invalid rows', () => {
    expect(() => PopulationTable.fromRows([row('E07000091', 2025, 0)])).toThrow();
    expect(() => PopulationTable.fromRows([row('E07000091', 2025.5, 10)])).toThrow();
    expect(() => PopulationTable.fromRows([row('nowhere', 2025, 10)])).toThrow();
  });
});
