import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { countsFromRecords } from '@crimestats/store';
import type { MonthlyRecord, PopulationRecord } from '@crimestats/contracts';
import {
  categoryCodeFromLabel,
  defaultAreas,
  defaultCategories,
  defaultReference,
  parseMonth,
} from '@crimestats/domain';
import { expandInputs, ingestSource, type IngestSink } from '@crimestats/ingest';
import { compareAreas } from '@crimestats/stats';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';

// A Home Office CSP table in the open-data layout (test/fixtures/home-office/README.md), summed
// here straight from the file, by its own Group and Subgroup columns, and held against what
// ingestion publishes and the figures made from it.

const TABLE = new URL('../fixtures/home-office/prc-csp-derbyshire-2017-18.csv', import.meta.url);
const CLASSIFICATION = new URL(
  '../fixtures/reference/home-office-offence-classification-2017-18.csv',
  import.meta.url,
);
const readCsv = (url: URL) =>
  Papa.parse<Record<string, string>>(readFileSync(url, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;

const classification = readCsv(CLASSIFICATION);
const knownCodes = new Set(classification.map((row) => row['offence_code']!));
const knownGroups = new Set(classification.map((row) => row['offence_group']!));
const table = readCsv(TABLE).filter((row) => row['Force Name'] === 'Derbyshire');
const QUARTER_STARTS: Record<string, string> = {
  '1': '2017-04',
  '2': '2017-07',
  '3': '2017-10',
  '4': '2018-01',
};
const areaCodeOf = (cspName: string) => defaultAreas.byName(cspName)!.code;
const offences = (row: Record<string, string>) => Number(row['Number of Offences']);

/** The file's own sums: offences per `area|quarter start|category code` for a label column. */
function sumsBy(labelOf: (row: Record<string, string>) => string | undefined): Map<string, number> {
  const sums = new Map<string, number>();
  for (const row of table) {
    const label = labelOf(row);
    if (label === undefined) continue;
    const key = `${areaCodeOf(row['CSP Name']!)}|${QUARTER_STARTS[row['Financial Quarter']!]}|${categoryCodeFromLabel(label)}`;
    sums.set(key, (sums.get(key) ?? 0) + offences(row));
  }
  return sums;
}
/** Police recorded crime: every row of a group the classification has (fraud is outside it). */
const inRecordedCrime = (row: Record<string, string>) => knownGroups.has(row['Offence Group']!);
const totals = sumsBy((row) => (inRecordedCrime(row) ? 'Total recorded crime' : undefined));
const groupSums = sumsBy((row) => (inRecordedCrime(row) ? row['Offence Group'] : undefined));
const subgroupSums = sumsBy((row) => (inRecordedCrime(row) ? row['Offence Subgroup'] : undefined));

class CollectingSink implements IngestSink {
  readonly records: MonthlyRecord[] = [];
  async publishRecords(records: MonthlyRecord[]): Promise<void> {
    this.records.push(...records);
  }
  async publishPopulations(_records: PopulationRecord[]): Promise<void> {}
}

describe('a Home Office CSP table, every offence code, from file to figures', () => {
  const sink = new CollectingSink();
  let report: Awaited<ReturnType<typeof ingestSource>>;
  beforeAll(async () => {
    const [source] = await expandInputs([fileURLToPath(TABLE)]);
    report = await ingestSource(source!, {
      areas: defaultAreas,
      categories: defaultCategories,
      force: defaultAreas.get('E23000018'),
      sink,
    });
  });
  const published = (key: string) => {
    const [area, month, category] = key.split('|');
    return sink.records.find(
      (r) => r.areaCode === area && r.month === month && r.category === category,
    )?.count;
  };

  it('covers every code of the classification for the Derbyshire CSPs', () => {
    const codes = new Set(table.map((row) => row['Offence Code']!));
    expect([...knownCodes].filter((code) => !codes.has(code))).toEqual([]);
  });

  it('is accepted, every offence code in it either placed or reported', () => {
    expect(report).toMatchObject({ status: 'accepted', unmapped: { 'outside-force': 2 } });
    const unknown = [...new Set(table.map((r) => r['Offence Code']!))].filter(
      (code) => !knownCodes.has(code),
    );
    expect(Object.keys(report.unknownOffenceCodes ?? {}).sort()).toEqual(unknown.sort());
    const sum = (code: string) =>
      table.filter((r) => r['Offence Code'] === code).reduce((n, r) => n + offences(r), 0);
    expect(report.unknownOffenceCodes).toEqual({
      '8U': { rows: 4, offences: sum('8U'), countedIn: 'stalking-and-harassment' },
      '53C': { rows: 1, offences: sum('53C'), countedIn: null },
    });
    expect(report.unmapped['unknown-offence']).toBe(1);
  });

  it('publishes total recorded crime as the sum of every group, per area and quarter', () => {
    expect(totals.size).toBe(9 * 4);
    for (const [key, total] of totals) expect(published(key), key).toBe(total);
  });

  it('publishes every group and subgroup as the sum of its rows', () => {
    for (const [key, sum] of [...groupSums, ...subgroupSums]) expect(published(key), key).toBe(sum);
  });

  it('makes the year’s figures from the quarters: the force’s total is the whole table', () => {
    const counts = countsFromRecords(sink.records, defaultCategories);
    const figures = (category: string) =>
      compareAreas({
        counts,
        category,
        end: parseMonth('2018-03'),
        months: 12,
        reference: defaultReference,
      }).rows;
    const yearOf = (sums: Map<string, number>, category: string) =>
      [...sums].filter(([key]) => key.endsWith(`|${category}`)).reduce((n, [, v]) => n + v, 0);

    const total = figures('total-recorded-crime');
    const force = total.find((row) => row.area.kind === 'force')!;
    const wholeTable = table.filter(inRecordedCrime).reduce((n, r) => n + offences(r), 0);
    expect(force.volume).toBe(wholeTable);
    expect(force.volume).toBe(yearOf(totals, 'total-recorded-crime'));
    for (const row of total.filter((r) => r.area.kind === 'csp')) {
      const own = [...totals].filter(([key]) => key.startsWith(`${row.area.code}|`));
      expect(row.volume, row.area.name).toBe(own.reduce((n, [, v]) => n + v, 0));
    }

    const forceVolume = (category: string) =>
      figures(category).find((row) => row.area.kind === 'force')!;
    for (const [category, sums] of [
      ['violence-against-the-person', groupSums],
      ['drug-offences', groupSums],
      ['theft-offences', groupSums],
      ['stalking-and-harassment', subgroupSums],
      ['trafficking-of-drugs', subgroupSums],
      ['non-domestic-burglary', subgroupSums],
    ] as const) {
      expect(forceVolume(category), category).toMatchObject({
        volume: yearOf(sums, category),
        complete: false, // the year before has no data
      });
    }
    const vehicleOffences = [
      'theft-from-a-vehicle',
      'theft-of-a-motor-vehicle',
      'vehicle-interference',
    ]
      .map((subgroup) => yearOf(subgroupSums, subgroup))
      .reduce((a, b) => a + b);
    expect(forceVolume('vehicle-offences').volume).toBe(vehicleOffences);
    expect(forceVolume('vehicle-crime').volume).toBe(vehicleOffences);

    // A quarter against the one before: both windows whole, every derived parent complete.
    const lastQuarter = compareAreas({
      counts,
      category: 'total-recorded-crime',
      end: parseMonth('2018-03'),
      months: 3,
      reference: defaultReference,
    }).rows;
    expect(lastQuarter.every((row) => row.complete)).toBe(true);
    expect(lastQuarter.find((row) => row.area.kind === 'force')).toMatchObject({
      volume: [...totals].filter(([k]) => k.includes('|2018-01|')).reduce((n, [, v]) => n + v, 0),
      previousVolume: [...totals]
        .filter(([k]) => k.includes('|2017-10|'))
        .reduce((n, [, v]) => n + v, 0),
    });
  });
});
