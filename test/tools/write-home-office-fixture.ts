// Regenerates test/fixtures/home-office/prc-csp-derbyshire-2017-18.csv: a Home Office police
// recorded crime CSP table for Derbyshire in the open-data layout, with every offence code of the
// 2017/18 classification. The counts are made up (a seeded generator), not published figures.
// Run: npx tsx test/tools/write-home-office-fixture.ts
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { seededRandom } from '@crimestats/testkit';

const ROOT = new URL('../../', import.meta.url);
const CLASSIFICATION = new URL(
  'test/fixtures/reference/home-office-offence-classification-2017-18.csv',
  ROOT,
);
const OUT = new URL('test/fixtures/home-office/prc-csp-derbyshire-2017-18.csv', ROOT);

const HEADER = [
  'Financial Year',
  'Financial Quarter',
  'Force Name',
  'CSP Name',
  'Offence Description',
  'Offence Group',
  'Offence Subgroup',
  'Offence Code',
  'Number of Offences',
];

/** The Home Office names the CSPs; Derby's is `Derby`. Shares of the force's crime, roughly. */
const DERBYSHIRE_CSPS: ReadonlyArray<[string, number]> = [
  ['Amber Valley', 0.11],
  ['Bolsover', 0.07],
  ['Chesterfield', 0.13],
  ['Derbyshire Dales', 0.04],
  ['Erewash', 0.1],
  ['High Peak', 0.07],
  ['North East Derbyshire', 0.07],
  ['South Derbyshire', 0.08],
  ['Derby', 0.33],
];

/** Rough yearly volumes for the whole force, by subgroup. */
const YEARLY: Readonly<Record<string, number>> = {
  Arson: 500,
  'Criminal damage': 9000,
  'Possession of drugs': 1500,
  'Trafficking of drugs': 550,
  'Miscellaneous crimes': 1200,
  'Possession of weapons offences': 700,
  'Public order offences': 4500,
  'Robbery of business property': 80,
  'Robbery of personal property': 600,
  'Other sexual offences': 1800,
  'Rape offences': 900,
  'Bicycle theft': 800,
  'Domestic burglary': 3000,
  'Non-domestic burglary': 2900,
  'Other theft offences': 6500,
  Shoplifting: 6000,
  'Theft from a vehicle': 3500,
  'Theft from the person': 500,
  'Theft of a motor vehicle': 1200,
  'Vehicle interference': 400,
  Homicide: 8,
  'Stalking and harassment': 8000,
  'Violence with injury': 8000,
  'Violence without injury': 9000,
};

interface Offence {
  code: string;
  description: string;
  group: string;
  subgroup: string;
}

const offences = Papa.parse<Record<string, string>>(readFileSync(CLASSIFICATION, 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data.map((row): Offence => ({
  code: row['offence_code']!,
  description: row['offence_description']!,
  group: row['offence_group']!,
  subgroup: row['offence_subgroup']!,
}));

/** Codes of later years, which the 2017/18 classification lacks, and a fraud row. */
const LATER: readonly Offence[] = [
  {
    code: '8U',
    description: 'Controlling or coercive behaviour',
    group: 'Violence against the person',
    subgroup: 'Stalking and harassment',
  },
  {
    code: '53C',
    description: 'Fraud by false representation: cheque, plastic card and online bank accounts',
    group: 'Fraud offences',
    subgroup: 'Fraud offences',
  },
];

const random = seededRandom(2018);
const rows: string[][] = [];
for (let quarter = 1; quarter <= 4; quarter++) {
  for (const [csp, share] of DERBYSHIRE_CSPS) {
    for (const offence of offences) {
      const siblings = offences.filter((o) => o.subgroup === offence.subgroup);
      // The first code of a subgroup is its common one; the rest share a smaller part.
      const weight = siblings[0] === offence ? 0.7 : 0.3 / Math.max(1, siblings.length - 1);
      const mean = ((YEARLY[offence.subgroup] ?? 0) * weight * share) / 4;
      let count = Math.round(mean * (0.75 + 0.5 * random()));
      if (mean < 5) count = random() < mean / 5 ? 1 + Math.floor(random() * 4) : 0;
      // Every code appears at least once for the force: in Derby's first quarter.
      if (count === 0 && quarter === 1 && csp === 'Derby') count = 1;
      if (count > 0) rows.push(row(quarter, csp, offence, count));
    }
  }
  rows.push(row(quarter, 'Erewash', LATER[0]!, 3 + quarter));
}
rows.push(row(2, 'Chesterfield', LATER[1]!, 2));
// A national table holds every force; a neighbour's rows are counted in no Derbyshire area.
rows.push(['2017/18', '1', 'Nottinghamshire', 'Nottingham', ...offenceFields(offences[0]!), '4']);
rows.push(['2017/18', '3', 'Nottinghamshire', 'Rushcliffe', ...offenceFields(offences[9]!), '2']);

function row(quarter: number, csp: string, offence: Offence, count: number): string[] {
  return ['2017/18', String(quarter), 'Derbyshire', csp, ...offenceFields(offence), String(count)];
}

function offenceFields(offence: Offence): string[] {
  return [offence.description, offence.group, offence.subgroup, offence.code];
}

writeFileSync(OUT, Papa.unparse([HEADER, ...rows], { newline: '\r\n' }) + '\r\n');
console.log(`wrote ${rows.length} rows to ${OUT.pathname}`);
