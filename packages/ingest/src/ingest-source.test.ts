import { describe, expect, it } from 'vitest';
import {
  defaultAreas,
  defaultCategories,
  liveAreaRegistry,
  withReferenceAreas,
} from '@crimestats/domain';
import { ingestSource, type IngestOptions } from './ingest-source.ts';
import { expandInputs } from './sources.ts';
import { MemorySink } from './testing/memory-sink.ts';
import { tempFolder } from './testing/temp-files.ts';

const force = defaultAreas.get('E23000018');
const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const row = (
  month: string,
  lsoaCode: string,
  lsoaName: string,
  type: string,
  location = 'On or near Park Road',
  force = 'Derbyshire Constabulary',
) =>
  `abc,${month},${force},${force},-1.5,52.9,${location},${lsoaCode},${lsoaName},${type},Under investigation,`;

async function ingest(path: string, extra: Partial<IngestOptions> = {}) {
  const sink = new MemorySink();
  const [source] = await expandInputs([path]);
  const report = await ingestSource(source!, {
    areas: defaultAreas,
    categories: defaultCategories,
    force,
    sink,
    ...extra,
  });
  return { report, sink };
}

const countOf = (sink: MemorySink, area: string, category: string, month = '2025-01') =>
  sink.records.find((r) => r.areaCode === area && r.category === category && r.month === month)
    ?.count;

describe('police.uk street-level files', () => {
  it('reads BOM, CRLF and quoted fields, and publishes the whole month with zeros', async () => {
    const files = tempFolder();
    const text =
      '\ufeff' +
      [
        HEADER,
        row(
          '2025-01',
          'E01019000',
          'South Derbyshire 010B',
          'Vehicle crime',
          '"On or near ""The Green"", Melbourne"',
        ),
        row('2025-01', 'E01019001', 'South Derbyshire 011A', 'Vehicle crime'),
        row('2025-01', 'E01033000', 'Derby 012A', 'Shoplifting', '"On or near Corn Market, Derby"'),
        row('2025-01', 'E01019002', 'Derbyshire Dales 001A', 'Burglary'),
        row('2025-01', '', '', 'Robbery'),
        row('2025-01', 'E01028000', 'Nottingham 001A', 'Robbery'),
      ].join('\r\n') +
      '\r\n';
    const { report, sink } = await ingest(files.write('2025-01-derbyshire-street.csv', text));
    expect(report).toMatchObject({
      status: 'accepted',
      format: 'police-uk',
      rows: 6,
      problemCount: 0,
      months: ['2025-01'],
      unmapped: { 'no-lsoa': 1, 'outside-force': 1 },
      records: 9 * 14,
    });
    expect(sink.records).toHaveLength(9 * 14);
    expect(countOf(sink, 'E07000039', 'vehicle-crime')).toBe(2);
    expect(countOf(sink, 'E06000015', 'shoplifting')).toBe(1);
    expect(countOf(sink, 'E07000035', 'burglary')).toBe(1);
    expect(countOf(sink, 'E06000015', 'burglary')).toBe(0);
    expect(countOf(sink, 'E07000032', 'anti-social-behaviour')).toBe(0);
    const first = sink.records[0]!;
    expect(first.source).toEqual({ kind: 'police-uk', file: '2025-01-derbyshire-street.csv' });
    expect(new Set(sink.records.map((r) => r.batchId)).size).toBe(1);
    expect(sink.records.every((r) => r.revision === first.revision && r.months === 1)).toBe(true);
  });

  it('refuses a file with an invalid row whole, naming line, field, value and reason', async () => {
    const files = tempFolder();
    const text = [
      HEADER,
      row('2025-01', 'E01019000', 'South Derbyshire 010B', 'Vehicle crime'),
      row('2025-13', 'E01019000', 'South Derbyshire 010B', 'Vehicle crime'),
      row('2025-01', 'E01019000', 'South Derbyshire 010B', 'Jaywalking'),
      'too,few,fields',
    ].join('\n');
    const { report, sink } = await ingest(files.write('bad.csv', text));
    expect(report.status).toBe('refused');
    expect(sink.records).toHaveLength(0);
    expect(report.problemCount).toBe(3);
    expect(report.rejectedRows).toBe(3);
    expect(report.problems).toEqual([
      {
        line: 3,
        field: 'Month',
        value: '2025-13',
        reason: 'expected a month as YYYY-MM from 1900-01 to 2199-12',
      },
      { line: 4, field: 'Crime type', value: 'Jaywalking', reason: 'not a police.uk crime type' },
      { line: 5, field: '(row)', value: 'too,few,fields', reason: 'expected 12 fields, found 3' },
    ]);
  });

  it('publishes the valid rows when asked, still reporting the rejected ones', async () => {
    const files = tempFolder();
    const text = [
      HEADER,
      row('2025-01', 'E01019000', 'South Derbyshire 010B', 'Vehicle crime'),
      row('2025-01', 'E01019000', 'South Derbyshire 010B', 'Jaywalking'),
    ].join('\n');
    const { report, sink } = await ingest(files.write('mixed.csv', text), {
      acceptValidRows: true,
    });
    expect(report.status).toBe('accepted-with-rejections');
    expect(report.problemCount).toBe(1);
    expect(countOf(sink, 'E07000039', 'vehicle-crime')).toBe(1);
  });

  it('caps the problem list but counts every problem', async () => {
    const files = tempFolder();
    const bad = Array.from({ length: 120 }, () =>
      row('2025-1', 'E1', 'South Derbyshire 010B', 'Drugs'),
    );
    const { report } = await ingest(files.write('many.csv', [HEADER, ...bad].join('\n')), {
      problemCap: 10,
    });
    expect(report.problems).toHaveLength(10);
    expect(report.problemCount).toBe(120);
  });

  it('refuses the file of a force the reference does not have, naming it', async () => {
    const files = tempFolder();
    const westYorkshire = (lsoaName: string, type: string) =>
      row('2025-01', 'E01010000', lsoaName, type, 'On or near Park Road', 'West Yorkshire Police');
    const text = [
      HEADER,
      westYorkshire('Leeds 001A', 'Burglary'),
      westYorkshire('Bradford 002B', 'Drugs'),
      westYorkshire('Wakefield 003C', 'Shoplifting'),
    ].join('\n');
    const { report, sink } = await ingest(files.write('2025-01-west-yorkshire-street.csv', text));
    expect(report.status).toBe('refused');
    expect(report.records).toBe(0);
    expect(sink.records).toHaveLength(0);
    expect(report.error).toBe(
      '"Falls within" names a force the reference does not have: West Yorkshire Police (line 2); ' +
        "the reference's forces are Derbyshire Constabulary. Load its areas with " +
        '`crimestats reference load` first. Nothing was published.',
    );
  });

  it("takes a loaded force's file by its Falls within, publishing that force's areas", async () => {
    const files = tempFolder();
    const exampleshire = {
      forceCode: 'E23000099',
      forceName: 'Exampleshire',
      policeUkName: 'Exampleshire Police',
    };
    const areas = withReferenceAreas(defaultAreas, [
      { areaCode: 'E07000901', areaName: 'Alphaton', ...exampleshire },
      { areaCode: 'E07000902', areaName: 'Betaby', ...exampleshire },
    ]);
    const theirs = (lsoaName: string, type: string) =>
      row('2025-01', 'E01090000', lsoaName, type, 'x', 'Exampleshire Police');
    const text = [
      HEADER,
      theirs('Alphaton 001A', 'Drugs'),
      theirs('Alphaton 002A', 'Drugs'),
      theirs('South Derbyshire 010B', 'Drugs'),
    ].join('\n');
    const { report, sink } = await ingest(files.write('2025-01-exampleshire-street.csv', text), {
      areas,
    });
    expect(report.status).toBe('accepted');
    expect(report.unmapped).toEqual({ 'outside-force': 1 });
    expect(countOf(sink, 'E07000901', 'drugs')).toBe(2);
    expect(countOf(sink, 'E07000902', 'drugs')).toBe(0);
    expect(new Set(sink.records.map((r) => r.areaCode))).toEqual(
      new Set(['E07000901', 'E07000902']),
    );
  });

  it('reads the reference again before refusing an unknown force, and takes the file if now known', async () => {
    const files = tempFolder();
    const loaded = withReferenceAreas(defaultAreas, [
      {
        areaCode: 'E07000901',
        areaName: 'Alphaton',
        forceCode: 'E23000099',
        forceName: 'Exampleshire',
        policeUkName: 'Exampleshire Police',
      },
    ]);
    let current = defaultAreas;
    let reloads = 0;
    const reloadReference = async () => {
      reloads++;
      const changed = current !== loaded;
      current = loaded;
      return changed;
    };
    const path = files.write(
      '2025-01-exampleshire-street.csv',
      [
        HEADER,
        row('2025-01', 'E01090000', 'Alphaton 001A', 'Drugs', 'x', 'Exampleshire Police'),
      ].join('\n'),
    );
    const areas = liveAreaRegistry(() => current);
    const first = await ingest(path, { areas, reloadReference });
    expect(first.report.status).toBe('accepted');
    expect(reloads).toBe(1);
    expect(countOf(first.sink, 'E07000901', 'drugs')).toBe(1);

    // Still unknown after the reload: refused as before, with nothing published.
    const stray = files.write(
      'stray.csv',
      [HEADER, row('2025-01', 'E01090000', 'Alphaton 001A', 'Drugs', 'x', 'Nowhere Police')].join(
        '\n',
      ),
    );
    const second = await ingest(stray, { areas, reloadReference });
    expect(second.report.status).toBe('refused');
    expect(second.report.error).toContain('Nowhere Police');
    expect(second.sink.records).toHaveLength(0);
    expect(reloads).toBe(2);

    // Other refusals are not the reference's to mend.
    const mixed = files.write(
      'mixed.csv',
      [
        HEADER,
        row('2025-01', 'E01019000', 'South Derbyshire 010B', 'Drugs'),
        row('2025-01', 'E01090000', 'Alphaton 001A', 'Drugs', 'x', 'Exampleshire Police'),
      ].join('\n'),
    );
    expect((await ingest(mixed, { areas, reloadReference })).report.status).toBe('refused');
    expect(reloads).toBe(2);
  });

  it('refuses a file that mixes forces, even when valid rows are accepted', async () => {
    const files = tempFolder();
    const text = [
      HEADER,
      row('2025-01', 'E01019000', 'South Derbyshire 010B', 'Vehicle crime'),
      row('2025-01', 'E01019001', 'South Derbyshire 011A', 'Drugs'),
      row('2025-01', 'E01028000', 'Nottingham 001A', 'Robbery', 'x', 'Nottinghamshire Police'),
    ].join('\n');
    const { report, sink } = await ingest(files.write('mixed-forces.csv', text), {
      acceptValidRows: true,
    });
    expect(report.status).toBe('refused');
    expect(sink.records).toHaveLength(0);
    expect(report.error).toBe(
      '"Falls within" names another force: found Nottinghamshire Police (1 row, first on line 4) ' +
        'beside Derbyshire Constabulary (2 rows); expected Derbyshire Constabulary, the force being ' +
        'loaded. Nothing was published.',
    );
  });

  it('maps areas through an LSOA lookup when one is loaded', async () => {
    const files = tempFolder();
    const text = [
      HEADER,
      row('2025-01', 'E01000001', 'Somewhere 001A', 'Drugs'),
      row('2025-01', 'E01000002', 'Somewhere 002A', 'Drugs'),
    ].join('\n');
    const lsoaLookup = new Map([['E01000001', 'E07000034']]);
    const { report, sink } = await ingest(files.write('l.csv', text), { lsoaLookup });
    expect(countOf(sink, 'E07000034', 'drugs')).toBe(1);
    expect(report.unmapped).toEqual({ 'unknown-lsoa': 1 });
  });
});

describe('monthly counts', () => {
  it('publishes counts as supplied, including parents such as the total', async () => {
    const files = tempFolder();
    const path = files.write(
      'counts.csv',
      'month,area_code,category,count\n2025-01,E07000039,total-recorded-crime,530\n2025-01,E07000039,anti-social-behaviour,90\n',
    );
    const { report, sink } = await ingest(path);
    expect(report).toMatchObject({ status: 'accepted', format: 'monthly-counts', records: 2 });
    expect(sink.records.map((r) => [r.category, r.count, r.source.kind])).toEqual([
      ['total-recorded-crime', 530, 'monthly-counts'],
      ['anti-social-behaviour', 90, 'monthly-counts'],
    ]);
  });

  it('names each bad field, and refuses duplicates and rollup areas', async () => {
    const files = tempFolder();
    const path = files.write(
      'counts.csv',
      [
        'month,area_code,category,count',
        '2025-01,E07000039,total-recorded-crime,530',
        '2025-01,E07000039,total-recorded-crime,531',
        '2025-01,E10000007,total-recorded-crime,5000',
        '2025-02,E99999999,made-up,-3',
      ].join('\n'),
    );
    const { report, sink } = await ingest(path);
    expect(report.status).toBe('refused');
    expect(sink.records).toHaveLength(0);
    const fields = report.problems.map((p) => [p.line, p.field]);
    expect(fields).toEqual([
      [3, 'category'],
      [4, 'area_code'],
      [5, 'area_code'],
      [5, 'category'],
      [5, 'count'],
    ]);
    expect(report.problems[0]!.reason).toBe('duplicate of line 2 for E07000039 2025-01');
    expect(report.rejectedRows).toBe(3);
  });
});

describe('population files', () => {
  it('publishes populations, rollups included', async () => {
    const files = tempFolder();
    const path = files.write(
      'pop.csv',
      'area_code,year,population\nE07000039,2026,108000\nE10000007,2026,830000\n',
    );
    const { report, sink } = await ingest(path);
    expect(report).toMatchObject({ status: 'accepted', format: 'population', populations: 2 });
    expect(sink.populations.map((p) => [p.areaCode, p.year, p.population])).toEqual([
      ['E07000039', 2026, 108000],
      ['E10000007', 2026, 830000],
    ]);
  });
});

describe('unreadable files', () => {
  it('refuses a file whose header matches no format, saying what was expected', async () => {
    const files = tempFolder();
    const { report, sink } = await ingest(files.write('x.csv', 'a,b,c\n1,2,3\n'));
    expect(report.status).toBe('refused');
    expect(report.error).toMatch(/matches no input format; expected one of: police-uk/);
    expect(sink.records).toHaveLength(0);
  });

  it('refuses a file whose forced format does not fit its header', async () => {
    const files = tempFolder();
    const path = files.write('x.csv', 'month,area_code,category,count\n');
    const { report } = await ingest(path, { format: 'police-uk' });
    expect(report.error).toMatch(
      /missing columns: Month, Falls within, LSOA code, LSOA name, Crime type/,
    );
  });

  it('reports a publishing failure instead of claiming success', async () => {
    const files = tempFolder();
    const sink = new MemorySink();
    sink.failWith = new Error('broker unavailable');
    const [source] = await expandInputs([
      files.write('c.csv', 'month,area_code,category,count\n2025-01,E07000039,drugs,5\n'),
    ]);
    const report = await ingestSource(source!, {
      areas: defaultAreas,
      categories: defaultCategories,
      force,
      sink,
    });
    expect(report.status).toBe('publish-failed');
    expect(report.error).toBe('publishing failed: broker unavailable');
  });
});
