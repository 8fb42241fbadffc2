import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  writeForcePoliceUkFile,
  type ForcePlace,
} from '../../../../packages/ingest/src/testing/generate-police-uk.ts';
import { cliScratch, compareJsonArgs } from '../testing/cli-process.ts';

// Issue 14, done when: a fresh store takes a second force from data alone (its reference, its
// populations, an LSOA lookup and its police.uk files), with no code or environment change, and
// `report compare --force` ranks its areas with the counts an independent tally gives.

const scratch = cliScratch('crimestats-second-force-');
const { folder, crimestats, file } = scratch;
afterAll(scratch.remove);

const FORCE = 'E23000099';
const COUNTY = 'E10000099';
const places: ForcePlace[] = [
  { areaCode: 'E07000901', lsoaName: 'Alphaton', lsoaCodes: ['E01090001', 'E01090002'] },
  { areaCode: 'E07000902', lsoaName: 'Betaby', lsoaCodes: ['E01090011'] },
  { areaCode: 'E06000903', lsoaName: 'Gamma', lsoaCodes: ['E01090021', 'E01090022'] },
];
const populations: Record<string, number> = {
  E07000901: 52_000,
  E07000902: 31_000,
  E06000903: 120_000,
};
const MONTHS = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);

describe('a second force from data alone', () => {
  it('loads its reference, populations, LSOA lookup and street files; compare --force ranks its areas', async () => {
    const reference = file(
      'exampleshire-areas.csv',
      'area_code,area_name,force_code,force_name,police_uk_name,county_code,county_name\n' +
        `E07000901,Alphaton,${FORCE},Exampleshire Police,Exampleshire Police,${COUNTY},Exampleshire\n` +
        `E07000902,Betaby,${FORCE},Exampleshire Police,Exampleshire Police,${COUNTY},Exampleshire\n` +
        `E06000903,Gamma City,${FORCE},Exampleshire Police,Exampleshire Police,,\n`,
    );
    const populationFile = file(
      'exampleshire-populations.csv',
      'area_code,year,population\n' +
        Object.entries(populations)
          .map(([code, people]) => `${code},2025,${people}`)
          .join('\n') +
        '\n',
    );
    const lookup = file(
      'lsoa-lookup.csv',
      'LSOA21CD,LSOA21NM,LAD23CD,LAD23NM\n' +
        places
          .flatMap((p) => p.lsoaCodes.map((code) => `${code},${p.lsoaName} 001A,${p.areaCode},x`))
          .join('\n') +
        '\n',
    );
    const streets = join(folder, 'streets');
    mkdirSync(streets);
    // The independent tally: drugs rows per area over the twelve months, as generated.
    const drugs = new Map<string, number>();
    for (const [i, month] of MONTHS.entries()) {
      const summary = await writeForcePoliceUkFile(
        join(streets, `${month}-exampleshire-street.csv`),
        { rows: 400, month, fallsWithin: 'Exampleshire Police', places, seed: i + 1 },
      );
      for (const place of places) {
        const rows = summary.counts.get(`${place.areaCode}|Drugs`) ?? 0;
        drugs.set(place.areaCode, (drugs.get(place.areaCode) ?? 0) + rows);
      }
    }

    const loaded = await crimestats('reference', 'load', reference);
    expect(loaded.stderr).toBe('');
    expect(loaded.code).toBe(0);

    const ingested = await crimestats('ingest', populationFile);
    expect(ingested.stderr).toBe('');
    expect(ingested.code).toBe(0);
    const streetRun = await crimestats('ingest', '--lsoa-lookup', lookup, streets);
    expect(streetRun.stderr).toBe('');
    expect(streetRun.code).toBe(0);

    const compared = await crimestats(...compareJsonArgs(FORCE, 'drugs', '2025-12'));
    expect(compared.stderr).toBe('');
    expect(compared.code).toBe(0);
    const answer = JSON.parse(compared.stdout) as {
      rows: {
        area: { code: string; kind: string };
        volume: number;
        population: number | null;
        ratePer1000: number | null;
        rank: number | null;
      }[];
    };
    const csps = answer.rows.filter((row) => row.area.kind === 'csp');
    expect(csps.map((row) => row.area.code).sort()).toEqual(Object.keys(populations).sort());
    for (const row of csps) {
      expect(row.volume).toBe(drugs.get(row.area.code));
      expect(row.population).toBe(populations[row.area.code]);
      expect(row.ratePer1000).toBeCloseTo((1000 * row.volume) / populations[row.area.code]!, 9);
    }
    // Ranked by rate, highest first, then the county rollup and the force row.
    const rates = csps.map((row) => row.ratePer1000!);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    expect(csps.map((row) => row.rank)).toEqual([1, 2, 3]);
    expect(answer.rows.slice(3).map((row) => [row.area.code, row.area.kind])).toEqual([
      [COUNTY, 'county'],
      [FORCE, 'force'],
    ]);
    const volume = (code: string) => drugs.get(code) ?? 0;
    expect(answer.rows[3]!.volume).toBe(volume('E07000901') + volume('E07000902'));
    expect(answer.rows[4]!.volume).toBe([...drugs.values()].reduce((a, b) => a + b, 0));

    // --force all: the national table, here the one force with figures: its CSP areas by the
    // same ranks, then its force row, no county row.
    const national = await crimestats(
      'report',
      'compare',
      '--force',
      'all',
      '--category',
      'drugs',
      '--period',
      '2025-12',
      '--format',
      'json',
    );
    expect(national.stderr).toBe('');
    expect(national.code).toBe(0);
    const table = JSON.parse(national.stdout) as typeof answer;
    expect(table.rows.map((row) => [row.area.code, row.rank])).toEqual([
      ...csps.map((row) => [row.area.code, row.rank]),
      [FORCE, null],
    ]);

    // An unknown force's file is refused, naming the force.
    const stray = file(
      '2025-12-elsewhere-street.csv',
      'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n' +
        ',2025-12,Nowhere Police,Nowhere Police,-1,52,x,E01090001,Alphaton 001A,Drugs,,\n',
    );
    const refused = await crimestats('ingest', stray);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('Nowhere Police');
  }, 600_000);
});
