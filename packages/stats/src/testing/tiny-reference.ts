import {
  AreaRegistry,
  CategoryTaxonomy,
  addMonths,
  parseMonth,
  PopulationTable,
  type MonthlyCount,
  type PopulationRow,
} from '@crimestats/domain';
import type { ComparisonReference } from '../comparison.ts';

/** A small force for unit tests: CSPs A, B (county C) and D, force F. */
export const TINY = {
  a: 'E07000091',
  b: 'E07000092',
  d: 'E06000099',
  county: 'E10000099',
  force: 'E23000099',
} as const;

export function tinyReference(
  populationRows: readonly PopulationRow[] = defaultTinyPopulations(),
): ComparisonReference {
  return {
    areas: AreaRegistry.fromRows([
      { code: TINY.a, name: 'Alpha', kind: 'csp' },
      { code: TINY.b, name: 'Beta', kind: 'csp' },
      { code: TINY.d, name: 'Delta City', kind: 'csp' },
      { code: TINY.county, name: 'County', kind: 'county', members: [TINY.a, TINY.b] },
      {
        code: TINY.force,
        name: 'Force',
        kind: 'force',
        members: [TINY.county, TINY.d],
        policeForce: { name: 'Tiny Constabulary', policeUkName: 'Tiny Constabulary' },
      },
    ]),
    categories: CategoryTaxonomy.fromRows([
      { code: 'total', label: 'Total', source: 'derived', parent: null },
      { code: 'theft', label: 'Theft', source: 'police-uk', parent: 'total' },
      {
        code: 'damage',
        label: 'Damage',
        source: 'police-uk',
        parent: 'total',
        derivation: 'supplied-only',
      },
      { code: 'arson', label: 'Arson', source: 'home-office', parent: 'damage' },
      { code: 'asb', label: 'ASB', source: 'police-uk', parent: null },
    ]),
    populations: PopulationTable.fromRows(populationRows),
  };
}

function defaultTinyPopulations(): PopulationRow[] {
  return [
    { areaCode: TINY.a, year: 2025, population: 1000 },
    { areaCode: TINY.b, year: 2025, population: 2000 },
    { areaCode: TINY.d, year: 2025, population: 4000 },
  ];
}

/** One record per month from `start`, with the given counts (null leaves the month missing). */
export function series(
  areaCode: string,
  category: string,
  start: string,
  monthlyCounts: readonly (number | null)[],
): MonthlyCount[] {
  const first = parseMonth(start);
  return monthlyCounts.flatMap((count, offset) => {
    if (count === null) return [];
    return [{ areaCode, category, month: addMonths(first, offset), count }];
  });
}
