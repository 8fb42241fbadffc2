import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { defaultAreas, defaultCategories, withReferenceAreas } from '@crimestats/domain';
import { fileIngester } from './file-ingester.ts';
import { MemorySink } from './testing/memory-sink.ts';
import { tempFolder } from './testing/temp-files.ts';

const HEADER =
  'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const row = (force: string, lsoaName: string, type: string) =>
  `abc,2025-01,${force},${force},-1.5,52.9,x,E01000000,${lsoaName},${type},,`;
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

// A second force, loaded as `crimestats reference load` would add it.
const exampleshire = {
  forceCode: 'E23000099',
  forceName: 'Exampleshire',
  policeUkName: 'Exampleshire Police',
};
const areas = withReferenceAreas(defaultAreas, [
  { areaCode: 'E07000901', areaName: 'Alphaton', ...exampleshire },
  { areaCode: 'E07000902', areaName: 'Betaby', ...exampleshire },
]);

async function writeZip(path: string, entries: Record<string, string>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  await once(zip.outputStream.pipe(createWriteStream(path)), 'finish');
}

describe('a data.police.uk archive of several forces', () => {
  it("ingests each street file as its own Falls within's force, refusing only an unknown force's", async () => {
    const files = tempFolder();
    const zipPath = join(files.dir, 'police-uk.zip');
    await writeZip(zipPath, {
      '2025-01/2025-01-derbyshire-street.csv': csv(
        row('Derbyshire Constabulary', 'South Derbyshire 010B', 'Drugs'),
      ),
      '2025-01/2025-01-derbyshire-outcomes.csv': 'Crime ID,Month\nabc,2025-01\n',
      '2025-01/2025-01-exampleshire-street.csv': csv(
        row('Exampleshire Police', 'Alphaton 001A', 'Drugs'),
        row('Exampleshire Police', 'Alphaton 002A', 'Drugs'),
      ),
      '2025-01/2025-01-nowhere-street.csv': csv(row('Nowhere Police', 'Alphaton 001A', 'Drugs')),
    });
    const sink = new MemorySink();
    const ingest = fileIngester({
      areas,
      categories: defaultCategories,
      force: defaultAreas.get('E23000018'),
      sink,
    });

    const report = await ingest(zipPath);

    expect(report.ok).toBe(false);
    expect(report.files.map((f) => [f.file, f.status])).toEqual([
      ['police-uk.zip!2025-01/2025-01-derbyshire-street.csv', 'accepted'],
      ['police-uk.zip!2025-01/2025-01-exampleshire-street.csv', 'accepted'],
      ['police-uk.zip!2025-01/2025-01-nowhere-street.csv', 'refused'],
    ]);
    expect(report.files[2]!.error).toMatch(
      /^"Falls within" names a force the reference does not have: Nowhere Police \(line 2\)/,
    );
    const drugs = (area: string) =>
      sink.records.find((r) => r.areaCode === area && r.category === 'drugs')?.count;
    // South Derbyshire and Alphaton: each file counted in its own force's areas.
    expect(drugs('E07000039')).toBe(1);
    expect(drugs('E07000901')).toBe(2);
    expect(drugs('E07000902')).toBe(0);
    const published = new Set(sink.records.map((r) => r.source.file));
    expect(published).toEqual(
      new Set(['2025-01-derbyshire-street.csv', '2025-01-exampleshire-street.csv']),
    );
  });
});
