import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv-reader.ts';
import { MAX_LINE_CHARS } from './input-limits.ts';

/** Reads the bytes in chunks of `size`, so rows and leading bytes fall across chunk edges. */
async function read(bytes: Buffer, size = 7) {
  const chunks = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  const rows: { fields: string[]; line: number }[] = [];
  await readCsv(Readable.from(chunks), {
    header: () => {},
    row: (fields, line) => rows.push({ fields, line }),
  });
  return rows;
}

describe('CSV text guard', () => {
  it('accepts what spreadsheets write: a byte-order mark, CRLF, quoted fields and blank lines', async () => {
    const text = '\uFEFFa,b\r\n"x, ""y""",1\r\n\r\n"multi\r\nline",2\r\n\r\n\r\n';
    expect(await read(Buffer.from(text))).toEqual([
      { fields: ['x, "y"', '1'], line: 2 },
      { fields: ['multi\r\nline', '2'], line: 3 },
    ]);
  });

  it('refuses a spreadsheet by its leading bytes, even split across chunks', async () => {
    const xlsx = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 1)]);
    await expect(read(xlsx, 1)).rejects.toThrow(/^line 1: the file looks like an Excel workbook/);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(read(xls)).rejects.toThrow(/^line 1: .*\(\.xls\).*save it as "CSV UTF-8/);
  });

  it('names the row of a NUL byte, counting rows as the reader does', async () => {
    const text = 'a,b\n\n"q\nq",1\n2,3\nx\0y,4\n';
    await expect(read(Buffer.from(text))).rejects.toThrow(/^line 4: holds a NUL byte/);
  });

  it('counts a blank CRLF line cut between its CR and LF as blank', async () => {
    const text = 'a,b\r\n1,2\r\n\r\n3,\0\r\n';
    const cut = text.indexOf('\r\n\r\n') + 3;
    await expect(read(Buffer.from(text), cut)).rejects.toThrow(/^line 3: holds a NUL byte/);
  });

  it('refuses an endless row by its line before the parser holds it, quoted or not', async () => {
    const long = 'x'.repeat(MAX_LINE_CHARS + 1);
    await expect(read(Buffer.from(`a,b\n1,2\n${long}\n`), 65536)).rejects.toThrow(
      /^line 3: the row is longer than 1,000,000 characters/,
    );
    const unclosed = `a,b\n"${'y\n'.repeat(MAX_LINE_CHARS / 2)}`;
    await expect(read(Buffer.from(unclosed), 65536)).rejects.toThrow(
      /^line 2: .* \(a quote opened on it is never closed\)/,
    );
  });

  it('lets a few undecodable bytes be, and refuses text that is mostly undecodable', async () => {
    const latin1 = Buffer.from('a,b\nYnys M\xf4n,1\n', 'latin1');
    expect(await read(latin1)).toEqual([{ fields: ['Ynys M\uFFFDn', '1'], line: 2 }]);
    const garbage = Buffer.concat([Buffer.from('a,b\n'), Buffer.alloc(4000, 0xff)]);
    await expect(read(garbage, 512)).rejects.toThrow(/^line 2: .* not valid UTF-8/);
  });
});
