import { describe, expect, it } from 'vitest';
import { defaultAreas, defaultCategories } from '@crimestats/domain';
import { ingestSource, type IngestOptions } from './ingest-source.ts';
import { expandInputs } from './sources.ts';
import { MemorySink } from './testing/memory-sink.ts';
import { tempFolder } from './testing/temp-files.ts';

// The police.uk parser validates and looks up each distinct Month, Crime type and LSOA text once;
// these check that rows repeating them still count, and still fail, one by one.

const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const row = (month: string, lsoaCode: string, lsoaName: string, type: string) =>
  `abc,${month},Derbyshire Constabulary,Derbyshire Constabulary,-1.5,52.9,On or near Park Road,${lsoaCode},${lsoaName},${type},Under investigation,`;

async function ingest(lines: string[], extra: Partial<IngestOptions> = {}) {
  const files = tempFolder();
  const sink = new MemorySink();
  const [source] = await expandInputs([files.write('repeats.csv', [HEADER, ...lines].join('\n'))]);
  const report = await ingestSource(source!, {
    areas: defaultAreas,
    categories: defaultCategories,
    force: defaultAreas.get('E23000018'),
    sink,
    acceptValidRows: true,
    ...extra,
  });
  const countOf = (area: string, category: string, month = '2025-01') =>
    sink.records.find((r) => r.areaCode === area && r.category === category && r.month === month)
      ?.count;
  return { report, countOf };
}

const BAD_MONTH = 'expected a month as YYYY-MM from 1900-01 to 2199-12';

describe('police.uk rows repeating the same texts', () => {
  it('names every repeated invalid row on its own line', async () => {
    const { report, countOf } = await ingest([
      row('2025-13', 'E01019000', 'South Derbyshire 010B', 'Vehicle crime'),
      row('2025-01', 'E01019000', 'South Derbyshire 010B', 'Vehicle crime'),
      row('2025-13', 'E01019000', 'South Derbyshire 010B', 'Vehicle crime'),
      row('2025-01', 'E01019000', 'South Derbyshire 010B', 'Jaywalking'),
      row('2025-13', 'E01019000', 'South Derbyshire 010B', 'Jaywalking'),
      row('2025-01', 'E01019000', 'South Derbyshire 010B', 'Jaywalking'),
    ]);
    expect(report.status).toBe('accepted-with-rejections');
    expect(report.problems).toEqual([
      { line: 2, field: 'Month', value: '2025-13', reason: BAD_MONTH },
      { line: 4, field: 'Month', value: '2025-13', reason: BAD_MONTH },
      { line: 5, field: 'Crime type', value: 'Jaywalking', reason: 'not a police.uk crime type' },
      { line: 6, field: 'Month', value: '2025-13', reason: BAD_MONTH },
      { line: 6, field: 'Crime type', value: 'Jaywalking', reason: 'not a police.uk crime type' },
      { line: 7, field: 'Crime type', value: 'Jaywalking', reason: 'not a police.uk crime type' },
    ]);
    expect(report.rejectedRows).toBe(5);
    expect(report.months).toEqual(['2025-01']);
    expect(countOf('E07000039', 'vehicle-crime')).toBe(1);
  });

  it('counts each repeated row, whatever space pads its LSOA', async () => {
    const { report, countOf } = await ingest([
      row('2025-01', 'E01019000', 'South Derbyshire 010B', 'Vehicle crime'),
      row('2025-01', 'E01019000', ' South Derbyshire 010B ', 'Vehicle crime'),
      row('2025-01', 'E01019001', 'South Derbyshire 010B', 'Vehicle crime'),
      row('2025-02', 'E01019000', 'South Derbyshire 010B', 'Vehicle crime'),
      row('2025-01', 'E01019000', 'South Derbyshire 010B', 'Burglary'),
      row('2025-01', '', '', 'Burglary'),
      row('2025-01', ' ', ' ', 'Burglary'),
      row('2025-01', 'E01028000', '', 'Burglary'),
      row('2025-01', '', 'Nottingham 001A', 'Burglary'),
      row('2025-01', '', 'Nottingham 001A', 'Burglary'),
    ]);
    expect(report.status).toBe('accepted');
    expect(report.months).toEqual(['2025-01', '2025-02']);
    expect(countOf('E07000039', 'vehicle-crime')).toBe(3);
    expect(countOf('E07000039', 'vehicle-crime', '2025-02')).toBe(1);
    expect(countOf('E07000039', 'burglary')).toBe(1);
    expect(report.unmapped).toEqual({ 'no-lsoa': 2, 'outside-force': 3 });
  });

  it('tells a blank LSOA code from a missing LSOA when mapping through a lookup', async () => {
    const lsoaLookup = new Map([['E01000001', 'E07000034']]);
    const { report, countOf } = await ingest(
      [
        row('2025-01', '', '', 'Drugs'),
        row('2025-01', '', 'Somewhere 001A', 'Drugs'),
        row('2025-01', 'E01000001', 'Somewhere 001A', 'Drugs'),
        row('2025-01', 'E01000001', '', 'Drugs'),
        row('2025-01', '', '', 'Drugs'),
      ],
      { lsoaLookup },
    );
    expect(countOf('E07000034', 'drugs')).toBe(2);
    expect(report.unmapped).toEqual({ 'no-lsoa': 2, 'unknown-lsoa': 1 });
  });
});
