import { PLAN_CATEGORY_CODES, defaultAreas, defaultCategories } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { areaChangesFromFigures } from '../answers/area-changes.ts';
import { areaTrendFromFigures } from '../answers/area-trend.ts';
import { renderAreaChangesCsv } from './render-area-changes-csv.ts';
import { renderAreaChangesTable, significanceMark } from './render-area-changes-table.ts';
import { renderAreaChanges, renderAreaTrend } from './render-area-reports.ts';
import { renderAreaTrendCsv } from './render-area-trend-csv.ts';
import { renderAreaTrendTable } from './render-area-trend-table.ts';
import { figure } from '../testing/figure.ts';
import { planFigureRows } from '../testing/plan-figures.ts';
import { trendComparators } from '../answers/trend-comparators.ts';

const basis = { latestMonth: '2025-12', loadedAt: '2026-01-15T09:30:00.000Z', complete: true };
const southDerbyshire = defaultAreas.get('E07000039');
const changesQuery = { areaCode: 'E07000039', periodEnd: '2025-12', months: 12 };

function planChanges() {
  const figures = PLAN_CATEGORY_CODES.flatMap((category) =>
    planFigureRows(category, '2025-12'),
  ).filter((row) => row.areaCode === 'E07000039');
  return areaChangesFromFigures(changesQuery, southDerbyshire, figures, defaultCategories, basis);
}

const trendQuery = {
  areaCode: 'E07000039',
  category: 'total-recorded-crime',
  fromEnd: '2025-11',
  toEnd: '2025-12',
  months: 12,
};
const trendSubjects = {
  area: southDerbyshire,
  comparators: trendComparators(defaultAreas, 'E07000039'),
  category: defaultCategories.get('total-recorded-crime'),
};

function planTrend() {
  const codes = ['E07000039', 'E10000007', 'E23000018'];
  const figures = ['2025-11', '2025-12']
    .flatMap((periodEnd) => planFigureRows('total-recorded-crime', periodEnd))
    .filter((row) => codes.includes(row.areaCode))
    .map((row) => ({ ...row, complete: true }));
  return areaTrendFromFigures(trendQuery, trendSubjects, figures, basis);
}

describe('renderAreaChangesTable', () => {
  it("prints the plan's South Derbyshire changes, business burglary first", () => {
    expect(renderAreaChangesTable(planChanges())).toBe(
      [
        'South Derbyshire (E07000039): changes by category, Jan 2025 – Dec 2025 (12 months)',
        '',
        'Category                           Volume  Previous 12 months  Change  % change  Significance   Rate per 1,000  Rank  Complete',
        '------------------------------------------------------------------------------------------------------------------------------',
        'Burglary - business and community      62                  35      27     77.1%  ▲ significant            0.58     9  yes',
        'Theft of a motor vehicle              194                 169      25     14.8%                           1.82     2  yes',
        'Total recorded crime                6,267               6,448    -181     -2.8%                          58.76     6  yes',
        'Anti-social behaviour incidents     1,080               1,154     -74     -6.4%                          10.13     8  yes',
        '',
        '▲/▼ significant: a rise or fall beyond chance (Poisson test, |z| ≥ 3).',
        'Based on the data loaded 2026-01-15 09:30 UTC (latest month Dec 2025).',
        '',
      ].join('\n'),
    );
  });

  it('marks falls, noise and unknown significance differently', () => {
    expect(significanceMark({ significant: true, volumeChange: -40 })).toBe('▼ significant');
    expect(significanceMark({ significant: true, volumeChange: 40 })).toBe('▲ significant');
    expect(significanceMark({ significant: false, volumeChange: 4 })).toBe('');
    expect(significanceMark({ significant: null, volumeChange: null })).toBe('–');
  });

  it('marks missing values and explains incomplete rows', () => {
    const answer = areaChangesFromFigures(
      changesQuery,
      southDerbyshire,
      [
        figure({
          category: 'robbery',
          previousVolume: null,
          volumeChange: null,
          percentChange: null,
          zScore: null,
          significant: null,
          ratePer1000: null,
          rank: null,
          complete: false,
        }),
      ],
      defaultCategories,
      { latestMonth: null, loadedAt: null, complete: false },
    );
    const table = renderAreaChangesTable(answer);
    expect(table).toMatch(/\nRobbery {2,}6,267 {2,}– {2,}– {2,}– {2,}– {2,}– {2,}no\n/);
    expect(table).toContain('Complete "no": a month of this period or the 12 months before');
    expect(table).toContain('–: no data for the previous period, or no population for the area.');
    expect(table).not.toContain('Based on');
    expect(table).not.toContain('▲/▼');
  });

  it('sets incomplete rows apart under a rule, untested, and says why', () => {
    const answer = areaChangesFromFigures(
      changesQuery,
      southDerbyshire,
      [
        figure({
          category: 'shoplifting',
          volume: 600,
          previousVolume: 300,
          volumeChange: 300,
          percentChange: 100,
          zScore: null,
          significant: null,
          complete: false,
        }),
        figure({ category: 'robbery', volume: 40, previousVolume: 50, volumeChange: -10 }),
      ],
      defaultCategories,
      basis,
    );
    const lines = renderAreaChangesTable(answer).split('\n');
    const rule = lines[3] ?? '';
    expect(rule).toMatch(/^-+$/);
    expect(lines.slice(4, 7)).toEqual([
      expect.stringMatching(/^Robbery {2,}40 {2,}50 {2,}-10 {2,}-2\.8% {2,}58\.76 +6 {2}yes$/),
      rule,
      expect.stringMatching(
        /^Shoplifting {2,}600 {2,}300 {2,}300 {2,}100\.0% {2,}– {2,}58\.76 +6 {2}no$/,
      ),
    ]);
    expect(lines).toContain(
      'Below the rule, Complete "no": a month of this period or the 12 months before is missing, so the change is not comparable: listed after the complete rows, not tested for significance (–).',
    );
  });

  it('says so, rather than print an empty table, when there are no figures', () => {
    const answer = areaChangesFromFigures(
      changesQuery,
      southDerbyshire,
      [],
      defaultCategories,
      basis,
    );
    expect(renderAreaChangesTable(answer)).toBe(
      'South Derbyshire (E07000039): changes by category, Jan 2025 – Dec 2025 (12 months)\n\nNo figures for this area and period.\n',
    );
  });
});

describe('renderAreaTrendTable', () => {
  it('gives one row per period end with the area, county and force side by side', () => {
    expect(renderAreaTrendTable(planTrend())).toBe(
      [
        'Total recorded crime in South Derbyshire (E07000039), 12 months ending Nov 2025 to Dec 2025',
        '',
        'Period end  South Derbyshire volume  South Derbyshire rate  County Council area volume  County Council area rate  Force area volume  Force area rate  Complete',
        '--------------------------------------------------------------------------------------------------------------------------------------------------------------',
        'Nov 2025                      6,282                  58.90                      54,160                     65.86             84,632            77.18  yes',
        'Dec 2025                      6,267                  58.76                      54,095                     65.78             84,621            77.17  yes',
        '',
        'Each row is the 12 months ending that month; rates are per 1,000 residents.',
        'Based on the data loaded 2026-01-15 09:30 UTC (latest month Dec 2025).',
        '',
      ].join('\n'),
    );
  });

  it('marks points with no figure and rows with a missing month', () => {
    const answer = areaTrendFromFigures(
      trendQuery,
      { ...trendSubjects, comparators: [] },
      [figure({ periodEnd: '2025-12', ratePer1000: 58.765, complete: false })],
      basis,
    );
    const table = renderAreaTrendTable(answer);
    expect(table).toMatch(/\nNov 2025 {2,}– {2,}– {2}no\n/);
    expect(table).toMatch(/\nDec 2025 {2,}6,267 {2,}58\.77 {2}no\n/);
    expect(table).toContain('Complete "no": a month of one of that row\'s windows is missing.');
    expect(table).toContain('–: no figure for that window, or no population for the area.');
  });

  it('says so when there are no lines', () => {
    const answer = areaTrendFromFigures(trendQuery, trendSubjects, [], basis, 'nothing');
    expect(renderAreaTrendTable(answer)).toBe(
      'Total recorded crime in South Derbyshire (E07000039), 12 months ending Nov 2025 to Dec 2025\n\nNo figures for this area, category and range.\n',
    );
  });
});

describe('renderAreaChanges and renderAreaTrend', () => {
  it('give the table, the CSV, or the answer itself as JSON', () => {
    const changes = planChanges();
    expect(renderAreaChanges(changes, 'table')).toBe(renderAreaChangesTable(changes));
    expect(renderAreaChanges(changes, 'csv')).toBe(renderAreaChangesCsv(changes));
    expect(JSON.parse(renderAreaChanges(changes, 'json'))).toEqual(changes);
    expect(changes.rows[0]).toMatchObject({ significant: true, volumeChange: 27 });

    const trend = planTrend();
    expect(renderAreaTrend(trend, 'table')).toBe(renderAreaTrendTable(trend));
    expect(renderAreaTrend(trend, 'csv')).toBe(renderAreaTrendCsv(trend));
    expect(JSON.parse(renderAreaTrend(trend, 'json'))).toEqual(trend);
    expect(renderAreaTrend(trend, 'json').endsWith('}\n')).toBe(true);
  });
});
