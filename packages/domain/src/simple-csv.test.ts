import { describe, expect, it } from 'vitest';
import { parseSimpleCsv } from './simple-csv.ts';

describe('parseSimpleCsv', () => {
  it('reads records by header, skipping blank lines', () => {
    expect(parseSimpleCsv('a,b\n1, 2\n\n3,4\n')).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
    expect(parseSimpleCsv('')).toEqual([]);
  });

  it('refuses ragged lines and quoting, naming the line', () => {
    expect(() => parseSimpleCsv('a,b\n1,2\n3')).toThrow(/line 3/);
    expect(() => parseSimpleCsv('a,b\n"1",2')).toThrow(/line 2: quoted/);
  });
});
