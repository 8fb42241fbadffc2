import { afterAll, describe, expect, it } from 'vitest';
import { cliScratch } from '../testing/cli-process.ts';

const scratch = cliScratch('crimestats-reference-');
const { crimestats, file } = scratch;
afterAll(scratch.remove);

describe('crimestats reference load', () => {
  it('refuses a bad file naming its line and column, then loads a good one', async () => {
    const bad = file(
      'bad.csv',
      'CSP23CD,CSP23NM,PFA23CD,PFA23NM\nE07000901,Alphaton,E23000099,Exampleshire\nE07000902,Betaby,E2300,Exampleshire\n',
    );
    const refused = await crimestats('reference', 'load', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad}, line 3, column PFA23CD: expected an ONS area code`);
    expect(refused.stderr).not.toMatch(/^\s+at /m);

    const good = file(
      'good.csv',
      'area_code,area_name,force_code,force_name,police_uk_name,county_code,county_name\n' +
        'E07000901,Alphaton,E23000099,Exampleshire,Exampleshire Police,E10000099,Exampleshire\n' +
        'E06000903,Gamma City,E23000099,Exampleshire,Exampleshire Police,,\n',
    );
    const loaded = await crimestats('reference', 'load', good);
    expect(loaded.stderr).toBe('');
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toContain('loaded 2 areas, 1 counties, force E23000099 Exampleshire');

    // A county code that is Derbyshire's CSP area is refused against what is already there.
    const clash = file(
      'clash.csv',
      'area_code,area_name,force_code,force_name,police_uk_name,county_code,county_name\n' +
        'E07000904,Deltaby,E23000099,Exampleshire,Exampleshire Police,E07000039,Odd\n',
    );
    const clashed = await crimestats('reference', 'load', clash);
    expect(clashed.code).toBe(1);
    expect(clashed.stderr).toContain('E07000039 is a csp area, not a county');
  }, 240_000);
});
