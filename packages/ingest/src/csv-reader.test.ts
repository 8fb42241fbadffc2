import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv-reader.ts';

/** The CSV's bytes as a stream of chunks cut at the given byte offsets. */
function chunked(text: string, cuts: number[]): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const edges = [0, ...cuts, bytes.length];
  return Readable.from(edges.slice(1).map((end, i) => bytes.subarray(edges[i], end)));
}

async function read(input: Readable) {
  const rows: { fields: string[]; line: number }[] = [];
  let header: string[] = [];
  let bytes = 0;
  const result = await readCsv(
    input,
    { header: (fields) => (header = fields), row: (fields, line) => rows.push({ fields, line }) },
    (n) => (bytes += n),
  );
  return { header, rows, bytes, result };
}

describe('readCsv', () => {
  it('keeps a character whose bytes are split across two chunks', async () => {
    const text = 'LSOA name,Crime type\nYnys Môn 001A,Burglary\nCaerdydd 002B,Drugs\n';
    const split = Buffer.from(text).indexOf(Buffer.from('ô')) + 1;
    const { header, rows, bytes, result } = await read(chunked(text, [split]));
    expect(header).toEqual(['LSOA name', 'Crime type']);
    expect(rows).toEqual([
      { fields: ['Ynys Môn 001A', 'Burglary'], line: 2 },
      { fields: ['Caerdydd 002B', 'Drugs'], line: 3 },
    ]);
    expect(result.rows).toBe(2);
    expect(bytes).toBe(Buffer.byteLength(text));
  });

  it('stops at the first row a handler refuses, with its error', async () => {
    const input = chunked('a,b\n1,2\n3,4\n', [6]);
    await expect(
      readCsv(input, {
        header: () => {},
        row: (_fields, line) => {
          if (line === 2) throw new Error('bad row 2');
        },
      }),
    ).rejects.toThrow('bad row 2');
  });
});
