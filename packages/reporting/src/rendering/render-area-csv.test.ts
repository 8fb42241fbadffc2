import { defaultAreas, defaultCategories } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { areaChangesFromFigures } from '../answers/area-changes.ts';
import { areaTrendFromFigures } from '../answers/area-trend.ts';
import {
  areaList,
  categoryList,
  renderAreaListCsv,
  renderCategoryListCsv,
} from '../answers/reference-lists.ts';
import { renderAreaChangesCsv } from './render-area-changes-csv.ts';
import { renderAreaTrendCsv } from './render-area-trend-csv.ts';
import { figure } from '../testing/figure.ts';

const basis = { latestMonth: '2025-12', loadedAt: '2026-01-15T09:30:00.000Z', complete: true };
const southDerbyshire = defaultAreas.get('E07000039');

describe('area changes as CSV', () => {
  it('rounds as the plan prints, half away from zero, and leaves nulls empty', () => {
    const answer = areaChangesFromFigures(
      { areaCode: 'E07000039', periodEnd: '2025-12', months: 12 },
      southDerbyshire,
      [
        figure({
          category: 'burglary-business-and-community',
          volume: 62,
          previousVolume: 35,
          volumeChange: 27,
          percentChange: 77.14285714285715,
          zScore: 3.915856,
          significant: true,
          ratePer1000: 0.581325,
          rank: 3,
        }),
        figure({
          category: 'drugs',
          percentChange: -0.05,
          zScore: -0.125,
          ratePer1000: 2.675,
        }),
        figure({
          category: 'robbery',
          previousVolume: null,
          volumeChange: null,
          percentChange: null,
          zScore: null,
          significant: null,
          complete: false,
        }),
      ],
      defaultCategories,
      basis,
    );
    expect(renderAreaChangesCsv(answer)).toBe(
      [
        'category_code,category_name,parent_code,volume,previous_volume,volume_change,percent_change,z_score,significant,rate_per_1000,rank,complete',
        'burglary-business-and-community,Burglary - business and community,non-domestic-burglary,62,35,27,77.1,3.92,true,0.58,3,true',
        'drugs,Drugs,total-recorded-crime,6267,6448,-181,-0.1,-0.13,false,2.68,6,true',
        'robbery,Robbery,total-recorded-crime,6267,,,,,,58.76,6,false',
        '',
      ].join('\n'),
    );
  });
});

describe('area trend as CSV', () => {
  it('gives one row per period end and line, area first', () => {
    const answer = areaTrendFromFigures(
      {
        areaCode: 'E07000039',
        category: 'total-recorded-crime',
        fromEnd: '2025-11',
        toEnd: '2025-12',
        months: 12,
      },
      {
        area: southDerbyshire,
        comparators: [defaultAreas.get('E10000007')],
        category: defaultCategories.get('total-recorded-crime'),
      },
      [
        figure({ periodEnd: '2025-12', ratePer1000: 58.765 }),
        figure({ areaCode: 'E10000007', periodEnd: '2025-11', volume: 54_160, ratePer1000: 65.86 }),
      ],
      basis,
    );
    expect(renderAreaTrendCsv(answer)).toBe(
      [
        'period_end,area_code,area_name,area_kind,volume,rate_per_1000,complete',
        '2025-11,E07000039,South Derbyshire,csp,,,false',
        '2025-11,E10000007,County Council area,county,54160,65.86,true',
        '2025-12,E07000039,South Derbyshire,csp,6267,58.77,true',
        '2025-12,E10000007,County Council area,county,,,false',
        '',
      ].join('\n'),
    );
  });

  it('is only the header with no lines', () => {
    const answer = areaTrendFromFigures(
      {
        areaCode: 'E07000039',
        category: 'drugs',
        fromEnd: '2025-11',
        toEnd: '2025-12',
        months: 12,
      },
      { area: southDerbyshire, comparators: [], category: defaultCategories.get('drugs') },
      [],
      basis,
    );
    expect(renderAreaTrendCsv(answer)).toBe(
      'period_end,area_code,area_name,area_kind,volume,rate_per_1000,complete\n',
    );
  });
});

describe('reference lists', () => {
  it('lists areas with their members, and categories with their parents', () => {
    const areas = areaList(defaultAreas);
    expect(areas.areas[0]).toEqual({
      code: 'E07000032',
      name: 'Amber Valley',
      kind: 'csp',
      members: [],
    });
    expect(renderAreaListCsv(areas)).toContain(
      '\nE10000007,County Council area,county,E07000032 E07000033 E07000034 E07000035 E07000036 E07000037 E07000038 E07000039\n',
    );
    const categories = categoryList(defaultCategories);
    expect(categories.categories).toHaveLength(defaultCategories.all().length);
    expect(renderCategoryListCsv(categories)).toContain(
      '\nburglary-business-and-community,Burglary - business and community,non-domestic-burglary,home-office\n',
    );
  });
});
