// Synthetic national reference data for the aggregate benchmark only: 350 CSP-like areas in 43
// forces (every other force with a county-like rollup of all but its last area), 60 categories
// in a tree, and 60 months of counts for every area and category: 1,260,000 records, made by
// ClickHouse itself from numbers() so loading them costs seconds, identically on every engine.
import {
  addMonths,
  AreaRegistry,
  CategoryTaxonomy,
  parseMonth,
  PopulationTable,
  type Month,
} from '@crimestats/domain';

export const NATIONAL = {
  csps: 350,
  forces: 43,
  months: 60,
  firstMonth: parseMonth('2021-01'),
} as const;

const code = (prefix: string, n: number): string => `${prefix}${String(n).padStart(6, '0')}`;

/** The CSP codes of each force, in runs: the first 6 forces have 9 areas, the other 37 have 8. */
function forceMembers(): string[][] {
  const base = Math.floor(NATIONAL.csps / NATIONAL.forces);
  const extra = NATIONAL.csps % NATIONAL.forces;
  let next = 0;
  return Array.from({ length: NATIONAL.forces }, (_, f) => {
    const size = base + (f < extra ? 1 : 0);
    const codes = Array.from({ length: size }, (_, i) => code('E08', next + i));
    next += size;
    return codes;
  });
}

function areaRows(): object[] {
  return forceMembers().flatMap((csps, f) => {
    const county = f % 2 === 0 ? code('E10', 900 + f) : undefined;
    const last = csps[csps.length - 1]!;
    const name = `Force ${f + 1}`;
    return [
      ...csps.map((c) => ({ code: c, name: `Area ${c}`, kind: 'csp' })),
      ...(county
        ? [{ code: county, name: `County ${f + 1}`, kind: 'county', members: csps.slice(0, -1) }]
        : []),
      {
        code: code('E23', 900 + f),
        name: `${name} area`,
        kind: 'force',
        members: county ? [county, last] : csps,
        policeForce: { name: `${name} Police`, policeUkName: `${name} Police` },
      },
    ];
  });
}

/**
 * Total recorded crime (summed from 9 groups of 5 types each) and anti-social behaviour (with 4
 * types): 60 categories, every one supplied in the data.
 */
function categoryRows(): object[] {
  const rows: object[] = [
    {
      code: 'total-recorded-crime',
      label: 'Total recorded crime',
      source: 'derived',
      parent: null,
    },
  ];
  for (let g = 1; g <= 9; g++) {
    rows.push({
      code: `group-${g}`,
      label: `Group ${g}`,
      source: 'police-uk',
      parent: 'total-recorded-crime',
    });
    for (let t = 1; t <= 5; t++) {
      rows.push({
        code: `group-${g}-type-${t}`,
        label: `Group ${g} type ${t}`,
        source: 'home-office',
        parent: `group-${g}`,
      });
    }
  }
  rows.push({
    code: 'anti-social-behaviour',
    label: 'Anti-social behaviour',
    source: 'police-uk',
    parent: null,
  });
  for (let t = 1; t <= 4; t++) {
    rows.push({
      code: `asb-type-${t}`,
      label: `ASB type ${t}`,
      source: 'police-uk',
      parent: 'anti-social-behaviour',
    });
  }
  return rows;
}

export function nationalReference() {
  const areas = AreaRegistry.fromRows(areaRows());
  const categories = CategoryTaxonomy.fromRows(categoryRows());
  const populations = PopulationTable.fromRows(
    areas.cspAreas().map((area, i) => ({
      areaCode: area.code,
      year: 2023,
      population: 60_000 + ((i * 7_919) % 250_000),
    })),
  );
  const forceCodes = areas.forces().map((force) => force.code);
  return { areas, categories, populations, forceCode: forceCodes[0]!, forceCodes };
}

export const nationalMonths = (): Month[] =>
  Array.from({ length: NATIONAL.months }, (_, i) => addMonths(NATIONAL.firstMonth, i));

const literal = (values: readonly string[]): string => `[${values.map((v) => `'${v}'`).join(',')}]`;

/**
 * One INSERT … SELECT writing every (area, category, month) record: runs on the 18.16 server and
 * on chDB alike. The names come from the generated reference above, never from input.
 */
export function nationalInsertSql(database: string): string {
  const { areas, categories } = nationalReference();
  const csps = areas.cspAreas().map((area) => area.code);
  const codes = categories.all().map((category) => category.code);
  const months = nationalMonths();
  const perArea = codes.length * months.length;
  return `INSERT INTO ${database}.monthly_records
    (source_kind, area_code, category, month, months, count, source_file, revision, batch_id, ingested_at)
    SELECT 'monthly-counts',
      ${literal(csps)}[intDiv(number, ${perArea}) + 1],
      ${literal(codes)}[intDiv(number, ${months.length}) % ${codes.length} + 1],
      ${literal(months)}[number % ${months.length} + 1],
      1, intHash32(number) % 200, 'national.csv', 1700000000000,
      '00000000-0000-4000-8000-000000000000', now()
    FROM system.numbers LIMIT ${csps.length * perArea}`;
}
