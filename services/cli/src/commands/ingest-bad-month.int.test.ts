import { afterAll, describe, expect, it } from 'vitest';
import { cliScratch, type CliRun } from '../testing/cli-process.ts';

// Issue 11: `crimestats ingest` of a file with month 0025-12 crashed with a stack trace, and every
// later ingest failed. The file must be refused with file, line and reason, exit status 1 (a file
// not accepted), no stack trace, and the next ingest must work.

const scratch = cliScratch('crimestats-bad-month-');
const { crimestats, file } = scratch;
afterAll(scratch.remove);

const REASON = 'expected a month as YYYY-MM from 1900-01 to 2199-12';
const noStackTrace = (run: CliRun) => {
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/RangeError|TypeError|Error:/);
};

describe('crimestats ingest of a file with month 0025-12', () => {
  it('refuses a monthly-counts file naming file, line, field, value and reason; the next ingest works', async () => {
    const bad = file(
      'counts.csv',
      'month,area_code,category,count\n2025-12,E07000039,vehicle-crime,7\n0025-12,E07000039,vehicle-crime,5\n',
    );
    const refused = await crimestats('ingest', bad);
    expect(refused.code).toBe(1);
    noStackTrace(refused);
    expect(refused.stdout).toContain(`${bad}: REFUSED, nothing published`);
    expect(refused.stdout).toContain(`line 3, month = "0025-12": ${REASON}`);

    const json = await crimestats('ingest', '--json', bad);
    expect(json.code).toBe(1);
    noStackTrace(json);
    const report = JSON.parse(json.stdout) as {
      ok: boolean;
      files: { file: string; status: string; records: number; problems: object[] }[];
    };
    expect(report.ok).toBe(false);
    expect(report.files).toEqual([
      expect.objectContaining({
        file: bad,
        status: 'refused',
        records: 0,
        problems: [{ line: 3, field: 'month', value: '0025-12', reason: REASON }],
      }),
    ]);

    // With --accept-valid-rows the valid row is published and the bad one still reported.
    const partly = await crimestats('ingest', '--accept-valid-rows', bad);
    expect(partly.code).toBe(1);
    noStackTrace(partly);
    expect(partly.stdout).toContain(`line 3, month = "0025-12": ${REASON}`);

    const good = file(
      'good.csv',
      'month,area_code,category,count\n2025-11,E07000039,vehicle-crime,4\n',
    );
    const accepted = await crimestats('ingest', good);
    expect(accepted.code).toBe(0);
    noStackTrace(accepted);
    expect(accepted.stdout).toContain(`${good}: accepted`);

    const compared = await crimestats(
      'report',
      'compare',
      '--category',
      'vehicle-crime',
      '--period',
      '2025-12',
      '--format',
      'json',
    );
    expect(compared.code).toBe(0);
    const rows = (
      JSON.parse(compared.stdout) as { rows: { area: { code: string }; volume: number }[] }
    ).rows;
    expect(rows.find((r) => r.area.code === 'E07000039')?.volume).toBe(11);
  }, 300_000);

  it('refuses a police.uk file the same way', async () => {
    const bad = file(
      '0025-12-derbyshire-street.csv',
      'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n' +
        'x1,0025-12,Derbyshire Constabulary,Derbyshire Constabulary,,,,E01019797,South Derbyshire 001A,Burglary,,\n',
    );
    const refused = await crimestats('ingest', bad);
    expect(refused.code).toBe(1);
    noStackTrace(refused);
    expect(refused.stdout).toContain(`${bad}: REFUSED, nothing published`);
    expect(refused.stdout).toContain(`line 2, Month = "0025-12": ${REASON}`);
  }, 120_000);
});
