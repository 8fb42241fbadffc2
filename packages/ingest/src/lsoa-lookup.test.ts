import { describe, expect, it } from 'vitest';
import { loadLsoaLookup } from './lsoa-lookup.ts';
import { tempFolder } from './testing/temp-files.ts';

describe('LSOA lookup', () => {
  it('reads our own columns and the ONS lookup columns', async () => {
    const files = tempFolder();
    const ours = files.write('a.csv', 'lsoa_code,area_code\nE01019000,E07000039\n');
    const ons = files.write(
      'b.csv',
      'LSOA21CD,LSOA21NM,LAD22CD,LAD22NM\r\nE01033000,Derby 012A,E06000015,Derby\r\n',
    );
    expect([...(await loadLsoaLookup(ours))]).toEqual([['E01019000', 'E07000039']]);
    expect([...(await loadLsoaLookup(ons))]).toEqual([['E01033000', 'E06000015']]);
  });

  it('says which columns it needs, and which line is wrong', async () => {
    const files = tempFolder();
    await expect(loadLsoaLookup(files.write('c.csv', 'x,y\n1,2\n'))).rejects.toThrow(
      /LSOA code column/,
    );
    await expect(
      loadLsoaLookup(files.write('d.csv', 'lsoa_code,area_code\nE01019000,nope\n')),
    ).rejects.toThrow(/line 2/);
  });
});
