import { defaultAreas, defaultCategories } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { areaChangesFromFigures } from './area-changes.ts';
import { figure } from '../testing/figure.ts';

const southDerbyshire = defaultAreas.get('E07000039');
const query = { areaCode: 'E07000039', periodEnd: '2025-12', months: 12 };
const basis = { latestMonth: '2025-12', loadedAt: '2026-01-15T09:30:00.000Z', complete: true };

describe('areaChangesFromFigures', () => {
  it('ranks categories by % change, largest increase first, with no % change last', () => {
    const answer = areaChangesFromFigures(
      query,
      southDerbyshire,
      [
        figure({ category: 'total-recorded-crime', percentChange: -2.8, volumeChange: -181 }),
        figure({
          category: 'drugs',
          percentChange: null,
          previousVolume: null,
          volumeChange: null,
        }),
        figure({
          category: 'burglary-business-and-community',
          percentChange: 77.1,
          volumeChange: 27,
        }),
        figure({ category: 'trafficking-of-drugs', percentChange: 29, volumeChange: 4 }),
        figure({ category: 'robbery', percentChange: 29, volumeChange: 9 }),
      ],
      defaultCategories,
      basis,
    );
    expect(answer.rows.map((row) => [row.category.code, row.percentChange])).toEqual([
      ['burglary-business-and-community', 77.1],
      ['robbery', 29],
      ['trafficking-of-drugs', 29],
      ['total-recorded-crime', -2.8],
      ['drugs', null],
    ]);
    expect(answer.rows[0]?.category).toEqual({
      code: 'burglary-business-and-community',
      name: 'Burglary - business and community',
      parent: 'non-domestic-burglary',
    });
    expect(answer.period).toEqual({ start: '2025-01', end: '2025-12', months: 12 });
    expect(answer.area).toEqual({ code: 'E07000039', name: 'South Derbyshire', kind: 'csp' });
    expect(answer).not.toHaveProperty('message');
  });

  it('lists incomplete rows after the complete ones, so a first year of data never tops them', () => {
    const answer = areaChangesFromFigures(
      query,
      southDerbyshire,
      [
        figure({ category: 'robbery', percentChange: -5, volumeChange: -3 }),
        // Data only from the middle of the previous window: +100% that is no real change.
        figure({
          category: 'shoplifting',
          percentChange: 100,
          volumeChange: 300,
          complete: false,
          zScore: null,
          significant: null,
        }),
        figure({ category: 'drugs', percentChange: 12, volumeChange: 4 }),
        figure({
          category: 'bicycle-theft',
          percentChange: null,
          previousVolume: null,
          volumeChange: null,
          complete: false,
          zScore: null,
          significant: null,
        }),
        figure({
          category: 'criminal-damage-and-arson',
          percentChange: 250,
          volumeChange: 5,
          complete: false,
        }),
      ],
      defaultCategories,
      basis,
    );
    expect(answer.rows.map((row) => [row.category.code, row.complete])).toEqual([
      ['drugs', true],
      ['robbery', true],
      ['criminal-damage-and-arson', false],
      ['shoplifting', false],
      ['bicycle-theft', false],
    ]);
  });

  it('keeps the z-score and significance flag of each change', () => {
    const [row] = areaChangesFromFigures(
      query,
      southDerbyshire,
      [figure({ zScore: 3.92, significant: true })],
      defaultCategories,
      basis,
    ).rows;
    expect(row).toMatchObject({ zScore: 3.92, significant: true, volume: 6267, rank: 6 });
  });

  it('shows a category the reference data no longer lists under its code', () => {
    const [row] = areaChangesFromFigures(
      query,
      southDerbyshire,
      [figure({ category: 'retired-category' })],
      defaultCategories,
      basis,
    ).rows;
    expect(row?.category).toEqual({
      code: 'retired-category',
      name: 'retired-category',
      parent: null,
    });
  });

  it('carries the message only when there are no rows', () => {
    const empty = areaChangesFromFigures(
      query,
      southDerbyshire,
      [],
      defaultCategories,
      basis,
      'none',
    );
    expect(empty).toMatchObject({ rows: [], message: 'none' });
    const full = areaChangesFromFigures(
      query,
      southDerbyshire,
      [figure()],
      defaultCategories,
      basis,
      'none',
    );
    expect(full).not.toHaveProperty('message');
  });

  it("refuses figures of another area, window or period (a reader's bug)", () => {
    for (const wrong of [{ areaCode: 'E06000015' }, { months: 3 }, { periodEnd: '2025-11' }]) {
      expect(() =>
        areaChangesFromFigures(query, southDerbyshire, [figure(wrong)], defaultCategories, basis),
      ).toThrow(RangeError);
    }
  });
});
