import { defaultCategories } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { comparisonFromFigures } from '../answers/comparison-from-figures.ts';
import { comparisonTitle, renderComparisonTable } from './render-table.ts';
import { answerRow, answerWith, county, force } from '../testing/answers.ts';
import { planFigureRows } from '../testing/plan-figures.ts';

const planQuery = { category: 'total-recorded-crime', periodEnd: '2025-12', months: 12 };

function planTable(): string {
  const answer = comparisonFromFigures(planQuery, planFigureRows(), {
    categories: defaultCategories,
  });
  return renderComparisonTable(answer);
}

/** The cells of the line for one area, split on the column gaps. */
function cellsOf(table: string, areaName: string): string[] {
  const line = table.split('\n').find((candidate) => candidate.startsWith(`${areaName}  `));
  if (line === undefined) throw new Error(`no line for ${areaName}`);
  return line.split(/ {2,}/);
}

describe('renderComparisonTable', () => {
  it("prints the plan's South Derbyshire total crime row", () => {
    expect(cellsOf(planTable(), 'South Derbyshire')).toEqual([
      'South Derbyshire',
      '6,267',
      '58.76',
      '6',
      '6,448',
      '-181',
      '-2.8%',
      'yes',
    ]);
  });

  it("prints the plan's whole total crime table", () => {
    expect(planTable()).toBe(
      [
        'Total recorded crime, Jan 2025 – Dec 2025 (12 months)',
        '',
        'Area                   Volume  Rate per 1,000  Rank  Previous 12 months  Change  % change  Complete',
        '---------------------------------------------------------------------------------------------------',
        'Derby City             30,526          111.35     1              29,891     635      2.1%  yes',
        'Chesterfield           10,629          100.23     2              10,578      51      0.5%  yes',
        'Erewash                 8,326           72.87     3               8,691    -365     -4.2%  yes',
        'Bolsover                5,678           67.78     4               6,014    -336     -5.6%  yes',
        'Amber Valley            8,833           67.71     5               8,866     -33     -0.4%  yes',
        'South Derbyshire        6,267           58.76     6               6,448    -181     -2.8%  yes',
        'High Peak               5,363           58.32     7               5,561    -198     -3.6%  yes',
        'North East Derbyshire   5,669           53.16     8               5,460     209      3.8%  yes',
        'Derbyshire Dales        3,330           46.41     9               3,241      89      2.7%  yes',
        '---------------------------------------------------------------------------------------------------',
        'County Council area    54,095           65.78                    54,859    -764     -1.4%  yes',
        'Force area             84,621           77.17                    84,750    -129     -0.2%  yes',
        '',
      ].join('\n'),
    );
  });

  it('titles the table with the category and period', () => {
    const answer = answerWith([], {
      category: { code: 'vehicle-crime', name: 'Vehicle crime' },
      period: { start: '2025-10', end: '2025-12', months: 3 },
    });
    expect(comparisonTitle(answer)).toBe('Vehicle crime, Oct 2025 – Dec 2025 (3 months)');
  });

  it('says so, rather than print an empty table, when there are no figures', () => {
    expect(renderComparisonTable(answerWith([]))).toBe(
      'Total recorded crime, Jan 2025 – Dec 2025 (12 months)\n\nNo figures for this category and period.\n',
    );
  });

  it('names the previous-period column after the window', () => {
    const oneMonth = answerWith([answerRow()], {
      period: { start: '2025-12', end: '2025-12', months: 1 },
    });
    const threeMonths = answerWith([answerRow()], {
      period: { start: '2025-10', end: '2025-12', months: 3 },
    });
    expect(renderComparisonTable(oneMonth)).toContain('  Previous month  ');
    expect(renderComparisonTable(threeMonths)).toContain('  Previous 3 months  ');
  });

  it('marks missing values, leaves rollup ranks blank and explains both under the table', () => {
    const table = renderComparisonTable(
      answerWith([
        answerRow({ population: null, ratePer1000: null, rank: null }),
        county({ previousVolume: null, volumeChange: null, percentChange: null, complete: false }),
        force(),
      ]),
    );
    expect(cellsOf(table, 'South Derbyshire')).toEqual([
      'South Derbyshire',
      '6,267',
      '–',
      '–',
      '6,448',
      '-181',
      '-2.8%',
      'yes',
    ]);
    expect(cellsOf(table, 'County Council area')).toEqual([
      'County Council area',
      '54,095',
      '65.78',
      '–',
      '–',
      '–',
      'no',
    ]);
    expect(cellsOf(table, 'Force area')).toEqual([
      'Force area',
      '84,621',
      '77.17',
      '84,750',
      '-129',
      '-0.2%',
      'yes',
    ]);
    expect(table).toContain(
      'Complete "no": a month of this period or the 12 months before is missing for that area.',
    );
    expect(table).toContain('–: no population for the area, or no data for the previous period.');
  });

  it('puts no rule after the CSP rows when there are no rollups', () => {
    const lines = renderComparisonTable(answerWith([answerRow()]))
      .trimEnd()
      .split('\n');
    expect(lines.at(-1)).toMatch(/^South Derbyshire/);
    expect(lines.filter((line) => /^-+$/.test(line))).toHaveLength(1);
  });

  it('says which load the figures rest on', () => {
    const answer = answerWith([answerRow()], {
      basis: { latestMonth: '2025-12', loadedAt: '2026-01-15T09:30:59.000Z', complete: true },
    });
    expect(renderComparisonTable(answer)).toContain(
      '\nBased on the data loaded 2026-01-15 09:30 UTC (latest month Dec 2025).\n',
    );
  });

  it('adds no notes when every figure is there and no load is known', () => {
    const answer = answerWith([answerRow(), county(), force()], {
      basis: { latestMonth: null, loadedAt: null, complete: true },
    });
    const table = renderComparisonTable(answer);
    expect(table.endsWith('yes\n')).toBe(true);
    expect(table).not.toContain('Based on');
  });

  it('widens the columns to fit large numbers and long names', () => {
    const table = renderComparisonTable(
      answerWith([
        answerRow({
          area: { code: 'E07000039', name: 'A very long district name indeed', kind: 'csp' },
          volume: 12_345_678,
        }),
      ]),
    );
    const [header, rule, row] = table.split('\n').slice(2);
    expect(row).toMatch(/^A very long district name indeed {2}12,345,678 {2}/);
    // Right-aligned: the header ends where the number ends.
    const end = (line: string | undefined, text: string) =>
      (line ?? '').indexOf(text) + text.length;
    expect(end(header, 'Volume')).toBe(end(row, '12,345,678'));
    expect(rule?.length).toBeGreaterThanOrEqual(row?.length ?? 0);
  });
});
