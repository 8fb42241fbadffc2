import type { ComparisonAnswerRow } from '@crimestats/reporting';

// The comparison table's order: any column, either way, the CSP areas only. The County Council
// area and the Force area are not ranked among the CSP areas, so they stay last in every order.

export const SORT_KEYS = [
  'area',
  'volume',
  'rate',
  'rank',
  'previous',
  'change',
  'percent',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface SortOrder {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

/** The plan's order: by rank, highest rate first. */
export const PLAN_ORDER: SortOrder = { key: 'rank', direction: 'ascending' };

export function isSortKey(text: string): text is SortKey {
  return (SORT_KEYS as readonly string[]).includes(text);
}

function sortValue(row: ComparisonAnswerRow, key: SortKey): string | number | null {
  switch (key) {
    case 'area':
      return row.area.name;
    case 'volume':
      return row.volume;
    case 'rate':
      return row.ratePer1000;
    case 'rank':
      return row.rank;
    case 'previous':
      return row.previousVolume;
    case 'change':
      return row.volumeChange;
    case 'percent':
      return row.percentChange;
  }
}

function compareValues(x: string | number, y: string | number): number {
  if (typeof x === 'string' || typeof y === 'string') {
    return String(x).localeCompare(String(y), 'en-GB');
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

/** CSP rows in `order`, missing values last and ties as they came; then the rollups as they came. */
export function sortedRows<Row extends ComparisonAnswerRow>(
  rows: readonly Row[],
  order: SortOrder,
): Row[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const csp = rows.filter((row) => row.area.kind === 'csp');
  const rollups = rows.filter((row) => row.area.kind !== 'csp');
  const sorted = csp
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = sortValue(a.row, order.key);
      const y = sortValue(b.row, order.key);
      if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
      const compared = compareValues(x, y);
      return compared === 0 ? a.index - b.index : sign * compared;
    })
    .map(({ row }) => row);
  return [...sorted, ...rollups];
}

/**
 * The order after a click on `key`'s heading: the same column again turns the order round; a new
 * column starts with names A to Z and rank 1 first, and with the largest figures first.
 */
export function nextSortOrder(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key, direction: key === 'area' || key === 'rank' ? 'ascending' : 'descending' };
}
