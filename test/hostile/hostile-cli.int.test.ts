import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliScratch } from '../../services/cli/src/testing/cli-process.ts';

// Issue 15 item 2, as a new user meets it: `crimestats ingest` (single-machine mode, the embedded
// engine) refuses the reported zip of one endless line and a spreadsheet saved as .csv, saying
// file, line and reason, while it accepts what spreadsheets write; the same row in two files is
// counted once in the figures.

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'hostile');
const fixture = (name: string) => join(FIXTURES, name);

const scratch = cliScratch('crimestats-hostile-cli-');
const { crimestats } = scratch;
afterAll(scratch.remove);

async function volume(category: string, period: string): Promise<number | undefined> {
  const run = await crimestats(
    'report',
    'compare',
    '--category',
    category,
    '--period',
    period,
    '--format',
    'json',
  );
  expect(run.code, run.stderr).toBe(0);
  const rows = (JSON.parse(run.stdout) as { rows: { area: { code: string }; volume: number }[] })
    .rows;
  return rows.find((r) => r.area.code === 'E07000039')?.volume;
}

describe('crimestats ingest of hostile files beside good ones', () => {
  it('refuses the hostile ones by file, line and reason, takes the rest, and counts a row repeated across files once', async () => {
    const mixed = await crimestats(
      'ingest',
      fixture('zip-huge-line.zip'),
      fixture('spreadsheet-xlsx.csv'),
      fixture('accepted-spreadsheet-export.csv'),
      fixture('duplicate-rows-a.csv'),
    );
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).not.toMatch(/^\s+at /m);
    const entry = `${fixture('zip-huge-line.zip')}!2025-01/2025-01-derbyshire-street.csv`;
    expect(mixed.stdout).toContain(`${entry}: REFUSED, nothing published`);
    expect(mixed.stdout).toContain(
      'error: line 2: the row is longer than 1,000,000 characters: not a CSV row',
    );
    expect(mixed.stdout).toContain(
      `${fixture('spreadsheet-xlsx.csv')}: REFUSED, nothing published`,
    );
    expect(mixed.stdout).toContain(
      'error: line 1: the file looks like an Excel workbook (.xlsx) or a zip archive, not CSV text',
    );
    expect(mixed.stdout).toContain(`${fixture('accepted-spreadsheet-export.csv')}: accepted`);
    expect(mixed.stdout).toContain(`${fixture('duplicate-rows-a.csv')}: accepted`);

    const again = await crimestats('ingest', fixture('duplicate-rows-b.csv'));
    expect(again.code, again.stdout + again.stderr).toBe(0);

    // Vehicle crime: 4 in 2025-02 (the spreadsheet export) and 5 in 2025-04, in both duplicate
    // files; the second replaces the first, so the year to 2025-04 holds 9, not 14. (That nothing
    // of a refused file is published is hostile-files.int.test.ts's, on the broker.)
    expect(await volume('vehicle-crime', '2025-04')).toBe(9);
  }, 300_000);

  it('refuses a nested archive before reading anything, naming it and saying what to do', async () => {
    const run = await crimestats('ingest', fixture('nested.zip'));
    // Status 2, as for any archive that cannot be opened (docs/contract.md, exit status).
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).toContain(
      `crimestats: ${fixture('nested.zip')}: holds another archive (inner/2025-01.zip); ` +
        'archives inside archives are not opened: extract it and ingest the inner archive',
    );
  }, 120_000);
});
