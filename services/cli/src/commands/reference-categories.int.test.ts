import { defaultAreas } from '@crimestats/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { cliScratch, compareJsonArgs, type CliRun } from '../testing/cli-process.ts';

// Issue 14: a force's own categories are input (domestic-abuse-flagged crime, which the plan
// reports and police.uk lacks), and a reference load recomputes the figures it changes.

const MONTHS = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);

interface Answer {
  rows: { area: { code: string; kind: string }; volume: number }[];
}

function ok(run: CliRun): CliRun {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run;
}

/** Area code → its 12-month volume for the period ending 2025-12. */
function volumes(run: CliRun): Map<string, number> {
  const answer = JSON.parse(ok(run).stdout) as Answer;
  return new Map(answer.rows.map((row) => [row.area.code, row.volume]));
}

/** A monthly counts file: every area, category and month, the count `countOf` gives. */
function monthlyCounts(
  areaCodes: readonly string[],
  categories: readonly string[],
  countOf: (area: number, category: number, month: number) => number,
): string {
  const lines = areaCodes.flatMap((area, a) =>
    categories.flatMap((category, c) =>
      MONTHS.map((month, m) => `${month},${area},${category},${countOf(a, c, m)}`),
    ),
  );
  return `month,area_code,category,count\n${lines.join('\n')}\n`;
}

describe('crimestats reference load, categories', () => {
  const scratch = cliScratch('crimestats-reference-categories-');
  const { crimestats, file } = scratch;
  afterAll(scratch.remove);

  it('loads the force’s own category; its counts are reported and leave the total alone', async () => {
    const compare = (category: string) =>
      crimestats(
        'report',
        'compare',
        '--category',
        category,
        '--period',
        '2025-12',
        '--format',
        'json',
      );
    const bad = file(
      'bad-categories.csv',
      'code,label,parent\ndomestic-abuse-flagged,Domestic abuse flagged crime,violence\n',
    );
    const refused = await crimestats('reference', 'load', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `${bad}, line 2, column parent: not a known category code nor one in the file (found "violence")`,
    );

    const categories = file(
      'categories.csv',
      'code,label,parent\ndomestic-abuse-flagged,Domestic abuse flagged crime,total-recorded-crime\n',
    );
    const loaded = ok(await crimestats('reference', 'load', categories));
    expect(loaded.stdout).toContain('loaded 1 categories (domestic-abuse-flagged)');
    // The same file again is a re-load, not a clash.
    ok(await crimestats('reference', 'load', categories));

    const csps = defaultAreas.cspAreas().map((area) => area.code);
    const drugsOf = (a: number, m: number) => 10 + a + m;
    const flaggedOf = (a: number, m: number) => 3 * a + (m % 4);
    ok(
      await crimestats(
        'ingest',
        file(
          'counts.csv',
          monthlyCounts(csps, ['drugs', 'domestic-abuse-flagged'], (a, c, m) =>
            c === 0 ? drugsOf(a, m) : flaggedOf(a, m),
          ),
        ),
      ),
    );
    const sum = (of: (a: number, m: number) => number, a: number) =>
      MONTHS.reduce((total, _, m) => total + of(a, m), 0);

    const flagged = volumes(await compare('domestic-abuse-flagged'));
    const total = volumes(await compare('total-recorded-crime'));
    for (const [a, code] of csps.entries()) {
      expect(flagged.get(code)).toBe(sum(flaggedOf, a));
      // Only drugs is in the total: the flag cuts across crime types, so is never added in.
      expect(total.get(code)).toBe(sum(drugsOf, a));
    }
    expect(flagged.get('E23000018')).toBe(csps.reduce((n, _, a) => n + sum(flaggedOf, a), 0));
  }, 300_000);
});

describe('crimestats reference load, areas', () => {
  const scratch = cliScratch('crimestats-reference-move-');
  const { crimestats, file } = scratch;
  afterAll(scratch.remove);

  it('recomputes the county figures when an area moves county, with no other command', async () => {
    const FORCE = 'E23000099';
    const reference = (betabyCounty: string) =>
      'area_code,area_name,force_code,force_name,police_uk_name,county_code,county_name\n' +
      `E07000901,Alphaton,${FORCE},Exampleshire Police,Exampleshire Police,E10000098,Westshire\n` +
      `E07000902,Betaby,${FORCE},Exampleshire Police,Exampleshire Police,${betabyCounty}\n` +
      `E07000903,Gammaby,${FORCE},Exampleshire Police,Exampleshire Police,E10000099,Eastshire\n`;
    const areas = ['E07000901', 'E07000902', 'E07000903'];
    const countOf = (a: number, _c: number, m: number) => 5 * (a + 1) + m;
    const yearOf = (a: number) => MONTHS.reduce((total, _, m) => total + countOf(a, 0, m), 0);
    const compare = () => crimestats(...compareJsonArgs(FORCE, 'drugs', '2025-12'));

    ok(await crimestats('reference', 'load', file('west.csv', reference('E10000098,Westshire'))));
    ok(await crimestats('ingest', file('counts.csv', monthlyCounts(areas, ['drugs'], countOf))));
    const before = volumes(await compare());
    expect(before.get('E10000098')).toBe(yearOf(0) + yearOf(1));
    expect(before.get('E10000099')).toBe(yearOf(2));

    const moved = ok(
      await crimestats('reference', 'load', file('east.csv', reference('E10000099,Eastshire'))),
    );
    expect(moved.stdout).toMatch(/recomputed \d+ figures of force E23000099, [1-9]\d* changed/);
    const after = volumes(await compare());
    expect(after.get('E10000098')).toBe(yearOf(0));
    expect(after.get('E10000099')).toBe(yearOf(1) + yearOf(2));
    expect(after.get(FORCE)).toBe(before.get(FORCE));

    // The same file again changes nothing, so recomputes nothing.
    const again = ok(
      await crimestats('reference', 'load', file('east.csv', reference('E10000099,Eastshire'))),
    );
    expect(again.stdout).not.toContain('recomput');
  }, 300_000);
});
