import type { MonthlyRecord, SourceKind } from '@crimestats/contracts';
import { addMonths, parseMonth, type MonthlyCount } from '@crimestats/domain';
import type { CountSeries } from '../monthly-series.ts';

/** Parents supplied and derived, their children, and a quarter-only subtree of defaultCategories. */
export const MIXED_CATEGORIES = [
  'vehicle-crime',
  'vehicle-offences',
  'theft-from-a-vehicle',
  'theft-of-a-motor-vehicle',
  'vehicle-interference',
  'robbery',
  'robbery-of-business-property',
  'robbery-of-personal-property',
];

/**
 * Latest records (one per source kind, area, category and start month) mixing the three sources:
 * monthly counts and police.uk month by month, Home Office quarters starting in any month (so
 * quarters overlap, and reach parents through their children), with gaps and zeros.
 */
export function randomRecords(random: () => number, areas: readonly string[]): MonthlyRecord[] {
  const first = parseMonth('2024-01');
  const records: MonthlyRecord[] = [];
  const kinds: Array<[SourceKind, number, 1 | 3]> = [
    ['monthly-counts', 0.3, 1],
    ['police-uk', 0.5, 1],
    ['home-office-csp', 0.2, 3],
  ];
  for (const areaCode of areas) {
    for (const category of MIXED_CATEGORIES) {
      for (let i = 0; i < 12; i++) {
        for (const [kind, chance, months] of kinds) {
          if (random() >= chance) continue;
          records.push({
            areaCode,
            category,
            month: addMonths(first, i),
            months,
            count: random() < 0.1 ? 0 : Math.floor(random() * 50),
            source: { kind, file: `${kind}.csv` },
            revision: 1_700_000_000_000 + records.length,
            batchId: '00000000-0000-4000-8000-000000000000',
          });
        }
      }
    }
  }
  return records;
}

/** The counts a set of series holds, an object per count, for comparing with countsFromRecords. */
export function countsOfSeries(series: readonly CountSeries[]): MonthlyCount[] {
  return series.flatMap(({ areaCode, category, first, counts }) =>
    [...counts].flatMap((count, i) =>
      Number.isNaN(count) ? [] : [{ areaCode, category, month: addMonths(first, i), count }],
    ),
  );
}
