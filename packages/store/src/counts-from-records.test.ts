import type { MonthlyRecord, SourceKind } from '@crimestats/contracts';
import { defaultCategories, type MonthlyCount } from '@crimestats/domain';
import { describe, expect, it } from 'vitest';
import { countsFromRecords } from './monthly-counts.ts';

const AREA = 'E07000039';
const POLICE_UK_TYPES = defaultCategories
  .bySource('police-uk')
  .map((c) => c.code)
  .filter((code) => code !== 'anti-social-behaviour');

let revision = 1;
function record(
  kind: SourceKind,
  category: string,
  month: string,
  count: number,
  months: 1 | 3 = 1,
): MonthlyRecord {
  return {
    areaCode: AREA,
    category,
    month,
    months,
    count,
    source: { kind, file: `${kind}.csv` },
    revision: revision++,
    batchId: '00000000-0000-4000-8000-000000000000',
  };
}
const quarter = (category: string, start: string, count: number) =>
  record('home-office-csp', category, start, count, 3);
const policeUk = (category: string, month: string, count: number) =>
  record('police-uk', category, month, count);

/** `category month count` lines, sorted, for readable comparisons. */
function cells(records: MonthlyRecord[], categories?: readonly string[]): string[] {
  return countsFromRecords(records, defaultCategories)
    .filter((c: MonthlyCount) => !categories || categories.includes(c.category))
    .map((c) => `${c.category} ${c.month} ${c.count}`)
    .sort();
}

describe('countsFromRecords', () => {
  it('counts a quarter at its last month, its first two present with zero', () => {
    expect(cells([quarter('shoplifting', '2024-04', 30)])).toEqual([
      'shoplifting 2024-04 0',
      'shoplifting 2024-05 0',
      'shoplifting 2024-06 30',
    ]);
  });

  it('takes the force’s monthly counts over police.uk, month by month', () => {
    expect(
      cells([
        policeUk('shoplifting', '2024-04', 5),
        record('monthly-counts', 'shoplifting', '2024-04', 6),
        policeUk('shoplifting', '2024-05', 7),
      ]),
    ).toEqual(['shoplifting 2024-04 6', 'shoplifting 2024-05 7']);
  });

  it('replaces a quarter with a monthly source covering all three of its months', () => {
    expect(
      cells([
        quarter('shoplifting', '2024-04', 30),
        policeUk('shoplifting', '2024-04', 9),
        policeUk('shoplifting', '2024-05', 10),
        record('monthly-counts', 'shoplifting', '2024-06', 11),
      ]),
    ).toEqual(['shoplifting 2024-04 9', 'shoplifting 2024-05 10', 'shoplifting 2024-06 11']);
  });

  it('keeps the quarter when a monthly source has only its last month, dropping no crime', () => {
    expect(
      cells([quarter('shoplifting', '2024-04', 30), policeUk('shoplifting', '2024-06', 12)]),
    ).toEqual(['shoplifting 2024-04 0', 'shoplifting 2024-05 0', 'shoplifting 2024-06 30']);
  });

  it('keeps the quarter when a monthly source has its first months, counting nothing twice', () => {
    expect(
      cells([
        quarter('shoplifting', '2024-04', 30),
        policeUk('shoplifting', '2024-04', 9),
        policeUk('shoplifting', '2024-05', 10),
        policeUk('shoplifting', '2024-07', 8),
      ]),
    ).toEqual([
      'shoplifting 2024-04 0',
      'shoplifting 2024-05 0',
      'shoplifting 2024-06 30',
      'shoplifting 2024-07 8',
    ]);
  });

  it('lets whole police.uk months replace a quarter’s parents they derive, total included', () => {
    const months = ['2024-04', '2024-05', '2024-06'];
    const records = [
      quarter('total-recorded-crime', '2024-04', 900),
      quarter('theft-offences', '2024-04', 400),
      quarter('vehicle-offences', '2024-04', 50),
      ...months.flatMap((month) => POLICE_UK_TYPES.map((type) => policeUk(type, month, 10))),
    ];
    expect(cells(records, ['total-recorded-crime', 'theft-offences'])).toEqual([]);
    // police.uk never has vehicle offences, so that quarter stands.
    expect(cells(records, ['vehicle-offences'])).toEqual([
      'vehicle-offences 2024-04 0',
      'vehicle-offences 2024-05 0',
      'vehicle-offences 2024-06 50',
    ]);
  });

  it('keeps a parent’s quarter when the monthly source has only some of its children', () => {
    const records = [
      quarter('theft-offences', '2024-04', 400),
      ...['2024-04', '2024-05', '2024-06'].map((m) =>
        record('monthly-counts', 'shoplifting', m, 7),
      ),
    ];
    expect(cells(records, ['theft-offences'])).toEqual([
      'theft-offences 2024-04 0',
      'theft-offences 2024-05 0',
      'theft-offences 2024-06 400',
    ]);
  });

  it('drops a parent’s odd monthly values where a quarter reaches it through its children', () => {
    // vehicle-crime is derived from the quarter's subgroups for all three months, not from
    // police.uk for two of them and from the quarter for the third.
    const records = [
      quarter('theft-of-a-motor-vehicle', '2024-04', 20),
      policeUk('vehicle-crime', '2024-05', 9),
      policeUk('vehicle-crime', '2024-06', 9),
      policeUk('vehicle-crime', '2024-07', 9),
    ];
    expect(cells(records, ['vehicle-crime', 'theft-of-a-motor-vehicle'])).toEqual([
      'theft-of-a-motor-vehicle 2024-04 0',
      'theft-of-a-motor-vehicle 2024-05 0',
      'theft-of-a-motor-vehicle 2024-06 20',
      'vehicle-crime 2024-07 9',
    ]);
  });

  it('never lets a finer category’s quarter reach a parent that is not derived from it', () => {
    const records = [
      quarter('burglary-business-and-community', '2024-04', 5),
      ...['2024-05', '2024-06'].map((m) => record('monthly-counts', 'non-domestic-burglary', m, 3)),
    ];
    expect(cells(records, ['non-domestic-burglary'])).toEqual([
      'non-domestic-burglary 2024-05 3',
      'non-domestic-burglary 2024-06 3',
    ]);
  });
});
