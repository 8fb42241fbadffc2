import { describe, expect, it } from 'vitest';
import { readReferenceFile } from './reference-file.ts';
import { tempFolder } from './testing/temp-files.ts';

describe('readReferenceFile', () => {
  it('reads our columns, with and without a county', async () => {
    const files = tempFolder();
    const path = files.write(
      'ref.csv',
      'area_code,area_name,force_code,force_name,police_uk_name,county_code,county_name\n' +
        'E07000901,Alphaton,E23000099,Exampleshire,Exampleshire Police,E10000099,Exampleshire\n' +
        'E06000903,Gamma City,E23000099,Exampleshire,Exampleshire Police,,\n',
    );
    expect(await readReferenceFile(path)).toEqual([
      {
        areaCode: 'E07000901',
        areaName: 'Alphaton',
        forceCode: 'E23000099',
        forceName: 'Exampleshire',
        policeUkName: 'Exampleshire Police',
        countyCode: 'E10000099',
        countyName: 'Exampleshire',
      },
      {
        areaCode: 'E06000903',
        areaName: 'Gamma City',
        forceCode: 'E23000099',
        forceName: 'Exampleshire',
        policeUkName: 'Exampleshire Police',
      },
    ]);
  });

  it('reads the ONS lookup layouts of any vintage, the force name standing for police.uk’s', async () => {
    const files = tempFolder();
    const lad = files.write(
      'lad.csv',
      '\uFEFFLAD23CD,LAD23NM,CTY23CD,CTY23NM,PFA23CD,PFA23NM\r\n' +
        'E07000901,Alphaton,E10000099,Exampleshire,E23000099,Exampleshire\r\n',
    );
    const csp = files.write(
      'csp.csv',
      'CSP22CD,CSP22NM,PFA22CD,PFA22NM,police_uk_name\nE07000901,Alphaton,E23000099,Exampleshire,Exampleshire Police\n',
    );
    expect(await readReferenceFile(lad)).toEqual([
      expect.objectContaining({ countyCode: 'E10000099', policeUkName: 'Exampleshire' }),
    ]);
    expect(await readReferenceFile(csp)).toEqual([
      expect.objectContaining({ areaCode: 'E07000901', policeUkName: 'Exampleshire Police' }),
    ]);
  });

  it('names the file, line and column of every bad value, and loads nothing', async () => {
    const files = tempFolder();
    const path = files.write(
      'bad.csv',
      'LAD23CD,LAD23NM,PFA23CD,PFA23NM\n' +
        'E07000901,Alphaton,E23000099,Exampleshire\n' +
        'X1,Betaby,E23000099,Exampleshire\n' +
        'E07000901,Again,E23000099,Exampleshire\n' +
        'E07000902,Deltaby,E23000099,Other name\n',
    );
    const error = await readReferenceFile(path).catch((e: Error) => e);
    expect((error as Error).message.split('\n')).toEqual([
      `${path}, line 3, column LAD23CD: expected an ONS area code such as E07000039 (found "X1")`,
      `${path}, line 4, column LAD23CD: duplicate of line 2 (found "E07000901")`,
      `${path}, line 5, column PFA23NM: force E23000099 is named differently on line 2 (found "Other name")`,
      'Nothing was loaded.',
    ]);
  });

  it('says which columns are missing', async () => {
    const files = tempFolder();
    await expect(
      readReferenceFile(files.write('c.csv', 'area_code,area_name\nE07000901,A\n')),
    ).rejects.toThrow(/c\.csv, line 1: missing columns/);
  });
});
