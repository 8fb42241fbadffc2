import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliScratch, compareJsonArgs, startUp, type RunningUp } from '../testing/cli-process.ts';

// `crimestats reference load` while `crimestats up` holds the store: the file goes to the running
// server, and a force loaded that way takes files and answers reports with no restart.

const FORCE = 'E23000099';
const scratch = cliScratch('crimestats-reference-up-');
const { crimestats, file } = scratch;

describe('crimestats reference load with crimestats up running', () => {
  let up: RunningUp | undefined;
  beforeAll(async () => {
    up = await startUp(scratch.home, ['--no-sample']);
  }, 120_000);
  afterAll(async () => {
    await up?.stop();
    scratch.remove();
  });

  it("loads a force's areas into the running server; its counts and reports follow", async () => {
    const bad = file(
      'bad.csv',
      'CSP23CD,CSP23NM,PFA23CD,PFA23NM\nE07000901,Alphaton,E2300,Exampleshire\n',
    );
    const refused = await crimestats('reference', 'load', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad}, line 2, column PFA23CD: expected an ONS area code`);
    expect(refused.stderr).not.toMatch(/^\s+at /m);

    const areas = file(
      'exampleshire.csv',
      'area_code,area_name,force_code,force_name,police_uk_name,county_code,county_name\n' +
        `E07000901,Alphaton,${FORCE},Exampleshire,Exampleshire Police,E10000099,Exampleshire County\n` +
        `E07000902,Betaby,${FORCE},Exampleshire,Exampleshire Police,E10000099,Exampleshire County\n`,
    );
    const loaded = await crimestats('reference', 'load', areas);
    expect(loaded.stderr).toBe('');
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toContain(
      `${areas}: loaded 2 areas, 1 counties, force ${FORCE} Exampleshire`,
    );

    const counts = file(
      'counts.csv',
      'month,area_code,category,count\n' +
        ['2025-01', '2025-02']
          .flatMap((month) => [`${month},E07000901,drugs,3`, `${month},E07000902,drugs,10`])
          .join('\n') +
        '\n',
    );
    const ingested = await crimestats('ingest', counts);
    expect(ingested.code, ingested.stdout + ingested.stderr).toBe(0);

    const compared = await crimestats(...compareJsonArgs(FORCE, 'drugs', '2025-02', 2));
    expect(compared.stderr).toBe('');
    expect(compared.code).toBe(0);
    const answer = JSON.parse(compared.stdout) as {
      rows: { area: { code: string }; volume: number; rank: number | null }[];
    };
    // No populations loaded: volumes, no rates to rank by; the county the file made, then the force.
    expect(answer.rows.map((row) => [row.area.code, row.volume, row.rank])).toEqual([
      ['E07000901', 6, null],
      ['E07000902', 20, null],
      ['E10000099', 26, null],
      [FORCE, 26, null],
    ]);
  }, 240_000);
});
