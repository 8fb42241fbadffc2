import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { expandInputs, InputError } from './sources.ts';
import { tempFolder } from './testing/temp-files.ts';

async function writeZip(path: string, entries: Record<string, string>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  const out = zip.outputStream.pipe(createWriteStream(path));
  await once(out, 'finish');
}

describe('input sources', () => {
  it("takes every force's street files out of a data.police.uk archive, and nothing else", async () => {
    const files = tempFolder();
    const zipPath = join(files.dir, 'archive.zip');
    await writeZip(zipPath, {
      '2025-02/2025-02-derbyshire-street.csv': 'b',
      '2025-01/2025-01-derbyshire-street.csv': 'a',
      '2025-01/2025-01-derbyshire-outcomes.csv': 'x',
      '2025-01/2025-01-derbyshire-stop-and-search.csv': 'x',
      '2025-01/2025-01-nottinghamshire-street.csv': 'n',
    });
    const sources = await expandInputs([zipPath]);
    expect(sources.map((s) => s.name)).toEqual([
      `${zipPath}!2025-01/2025-01-derbyshire-street.csv`,
      `${zipPath}!2025-01/2025-01-nottinghamshire-street.csv`,
      `${zipPath}!2025-02/2025-02-derbyshire-street.csv`,
    ]);
    expect(await text(await sources[2]!.open())).toBe('b');
  });

  it('refuses an archive without street files', async () => {
    const files = tempFolder();
    const zipPath = join(files.dir, 'other.zip');
    await writeZip(zipPath, { '2025-01/2025-01-kent-outcomes.csv': 'x' });
    await expect(expandInputs([zipPath])).rejects.toThrow(/no \*-street.csv files in this archive/);
  });

  it('searches folders recursively for csv and zip files, in name order', async () => {
    const files = tempFolder();
    mkdirSync(join(files.dir, '2025-02'));
    files.write('2025-02/b.csv', 'x');
    files.write('a.csv', 'x');
    files.write('notes.txt', 'x');
    const sources = await expandInputs([files.dir]);
    expect(sources.map((s) => s.name)).toEqual([
      join(files.dir, '2025-02/b.csv'),
      join(files.dir, 'a.csv'),
    ]);
  });

  it('names a missing path', async () => {
    await expect(expandInputs(['/no/such/file.csv'])).rejects.toBeInstanceOf(InputError);
  });
});
