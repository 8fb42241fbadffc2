import type { EventCategoryFigures, EventPeriod } from '@crimestats/contracts';
import { monthsLabel } from '@crimestats/domain';
import { formatCount, formatPercent, formatRate, orMissing } from '@crimestats/stats/number-format';

/** One column of an event's table: its header, how its cells sit, and its cell. */
export interface FiguresColumn {
  header: string;
  numeric: boolean;
  cell: (row: EventCategoryFigures) => string;
}

/**
 * The columns of one period's table, rounded and written as the plan prints them (counts grouped,
 * rates to 2 decimals and % to 1, half away from zero, "–" for a missing value), so a feed reader
 * shows the same numbers as the command line's tables and the dashboard.
 */
export function figuresColumns(months: number): FiguresColumn[] {
  return [
    { header: 'Category', numeric: false, cell: (row) => row.name },
    { header: 'Volume', numeric: true, cell: (row) => formatCount(row.volume) },
    {
      header: 'Rate per 1,000',
      numeric: true,
      cell: (row) => orMissing(row.ratePer1000, formatRate),
    },
    { header: 'Rank', numeric: true, cell: (row) => orMissing(row.rank, String) },
    {
      header: months === 1 ? 'Previous month' : `Previous ${monthsLabel(months)}`,
      numeric: true,
      cell: (row) => orMissing(row.previousVolume, formatCount),
    },
    {
      header: 'Change',
      numeric: true,
      cell: (row) => orMissing(row.volumeChange, formatCount),
    },
    {
      header: '% change',
      numeric: true,
      cell: (row) => orMissing(row.percentChange, formatPercent),
    },
    { header: 'Complete', numeric: false, cell: (row) => (row.complete ? 'yes' : 'no') },
  ];
}

/** A period's table as text cells: the header row, then one row per category in event order. */
export function figuresTable(period: EventPeriod): { columns: FiguresColumn[]; rows: string[][] } {
  const columns = figuresColumns(period.period.months);
  return {
    columns,
    rows: period.categories.map((row) => columns.map((column) => column.cell(row))),
  };
}
