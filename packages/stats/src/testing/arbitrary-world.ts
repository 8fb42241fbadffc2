// fast-check generators of small random reference data and counts, for comparing compareAreas with
// compareAreasSeries. Test-only: not exported from the testing entry point (fast-check is a dev
// dependency).
import {
  addMonths,
  AreaRegistry,
  CategoryTaxonomy,
  parseMonth,
  PopulationTable,
  type Month,
  type MonthlyCount,
  type PopulationRow,
} from '@crimestats/domain';
import fc from 'fast-check';
import type { ComparisonReference } from '../comparison.ts';

export const FIRST_MONTH = parseMonth('2023-11');
export const SPAN = 30;

export const MAIN_FORCE = 'E23000091';
export const OTHER_FORCE = 'E23000092';
const MAIN_CSPS = ['E07000081', 'E07000082', 'E07000083', 'E07000084', 'E06000085'];
const OTHER_CSPS = ['E07000096', 'E07000097'];
const COUNTIES = ['E10000091', 'E10000092'];
/** A rollup spanning both forces: inside neither, so in neither force's comparison. */
const ACROSS = 'E10000093';
const NAMES = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta', 'Iota'];

/**
 * total (sum of theft, damage, burglary) → damage is supplied-only over arson; burglary is the sum
 * of home and business; asb is a root of its own.
 */
export const TAXONOMY = CategoryTaxonomy.fromRows([
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
  { code: 'burglary', label: 'Burglary', source: 'police-uk', parent: 'total' },
  { code: 'home', label: 'Home', source: 'home-office', parent: 'burglary' },
  { code: 'business', label: 'Business', source: 'home-office', parent: 'burglary' },
  { code: 'asb', label: 'ASB', source: 'police-uk', parent: null },
]);
const CATEGORY_CODES = TAXONOMY.all().map((category) => category.code);

export interface World {
  reference: ComparisonReference;
  counts: MonthlyCount[];
  /** Codes counts may be supplied for: every CSP and rollup. */
  codes: string[];
}

const populationsArb = fc.array(
  fc.record({
    year: fc.constantFrom(2023, 2024, 2025, 2026),
    population: fc.constantFrom(1000, 2000, 4000, 1234567),
  }),
  { maxLength: 2 },
);

const structureArb = fc.record({
  cspCount: fc.integer({ min: 1, max: MAIN_CSPS.length }),
  counties: fc.array(fc.subarray([0, 1, 2, 3, 4], { minLength: 1 }), { maxLength: 2 }),
  otherForce: fc.boolean(),
  across: fc.boolean(),
  names: fc.shuffledSubarray(NAMES, { minLength: NAMES.length, maxLength: NAMES.length }),
});

const countArb = fc.oneof(fc.constant(0), fc.nat(4), fc.nat(2000));
/** Dense series (complete windows), series with a few months missing, and sparse ones. */
const seriesArb = fc.oneof(
  fc.array(countArb, { minLength: SPAN, maxLength: SPAN }),
  fc.array(fc.option(countArb, { freq: 12, nil: null }), { minLength: SPAN, maxLength: SPAN }),
  fc.array(fc.option(countArb, { freq: 2, nil: null }), { minLength: SPAN, maxLength: SPAN }),
);

type Structure = typeof structureArb extends fc.Arbitrary<infer T> ? T : never;

function areaRows(s: Structure) {
  const csps = MAIN_CSPS.slice(0, s.cspCount);
  const name = (i: number) => s.names[i] ?? `Area ${i}`;
  const counties = s.counties
    .map((members) => [...new Set(members.filter((i) => i < csps.length))])
    .filter((members) => members.length > 0)
    .map((members, i) => ({
      code: COUNTIES[i]!,
      name: `County ${name(i)}`,
      kind: 'county',
      members: members.map((m) => csps[m]!),
    }));
  const rows: object[] = [
    ...csps.map((code, i) => ({ code, name: name(i), kind: 'csp' })),
    ...counties,
    {
      code: MAIN_FORCE,
      name: 'Main force',
      kind: 'force',
      members: [...counties.map((c) => c.code), ...csps],
      policeForce: { name: 'Main Police', policeUkName: 'Main Police' },
    },
  ];
  if (s.otherForce) {
    rows.push(
      ...OTHER_CSPS.map((code, i) => ({ code, name: name(MAIN_CSPS.length + i), kind: 'csp' })),
      {
        code: OTHER_FORCE,
        name: 'Other force',
        kind: 'force',
        members: OTHER_CSPS,
        policeForce: { name: 'Other Police', policeUkName: 'Other Police' },
      },
    );
    if (s.across) {
      rows.push({
        code: ACROSS,
        name: 'Across',
        kind: 'county',
        members: [csps[0], OTHER_CSPS[0]],
      });
    }
  }
  return rows;
}

/** A random reference (one or two forces, 0–2 county rollups) and counts for its areas. */
export const worldArb: fc.Arbitrary<World> = structureArb.chain((structure) => {
  const areas = AreaRegistry.fromRows(areaRows(structure));
  const codes = areas.all().map((area) => area.code);
  const pairs = codes.flatMap((code) => CATEGORY_CODES.map((category) => ({ code, category })));
  return fc
    .record({
      populations: fc.array(populationsArb, { minLength: codes.length, maxLength: codes.length }),
      series: fc.array(fc.option(seriesArb, { freq: 2, nil: null }), {
        minLength: pairs.length,
        maxLength: pairs.length,
      }),
      /** Copies the first CSP's counts to every CSP of the main force, to force tied rates. */
      mirror: fc.boolean(),
    })
    .map(({ populations, series, mirror }): World => {
      const populationRows: PopulationRow[] = populations.flatMap((rows, i) =>
        rows.map((row) => ({ areaCode: codes[i]!, ...row })),
      );
      const mirrored = mirror ? new Set(areas.cspMembersOf(MAIN_FORCE).map((a) => a.code)) : null;
      const counts: MonthlyCount[] = pairs.flatMap(({ code, category }, i) => {
        const source = mirrored?.has(code) ? series[CATEGORY_CODES.indexOf(category)] : series[i];
        return (source ?? []).flatMap((count, offset) =>
          count === null ? [] : [{ areaCode: code, category, month: month(offset), count }],
        );
      });
      return {
        reference: {
          areas,
          categories: TAXONOMY,
          populations: PopulationTable.fromRows(populationRows),
        },
        counts,
        codes,
      };
    });
});

/** Period ends from a few months before the data to a few after, unsorted, repeats allowed. */
export const endsArb = fc.array(
  fc.integer({ min: -3, max: SPAN + 2 }).map((offset) => month(offset)),
  { minLength: 1, maxLength: 12 },
);

export const categoryArb = fc.constantFrom(...CATEGORY_CODES);

function month(offset: number): Month {
  return addMonths(FIRST_MONTH, offset);
}
