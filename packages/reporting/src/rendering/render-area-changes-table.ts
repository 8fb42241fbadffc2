import { monthsLabel, periodLabel } from '@crimestats/domain';
import { SIGNIFICANCE_THRESHOLD } from '@crimestats/stats';
import { basisNote, noteLines } from '../answers/answer-notes.ts';
import type { AreaChangeRow, AreaChangesAnswer } from '../answers/area-changes.ts';
import { MISSING, formatCount, formatPercent, formatRate, orMissing } from '@crimestats/stats';
import { textTable, type TextColumn } from './text-table.ts';

interface Column extends TextColumn {
  cell: (row: AreaChangeRow) => string;
}

/** "▲ significant" for a real rise, "▼ significant" for a real fall, blank for noise. */
export function significanceMark(row: Pick<AreaChangeRow, 'significant' | 'volumeChange'>): string {
  if (row.significant === null) return MISSING;
  if (!row.significant) return '';
  return (row.volumeChange ?? 0) < 0 ? '▼ significant' : '▲ significant';
}

function columnsFor(months: number): Column[] {
  return [
    { header: 'Category', align: 'left', cell: (row) => row.category.name },
    { header: 'Volume', align: 'right', cell: (row) => formatCount(row.volume) },
    {
      header: months === 1 ? 'Previous month' : `Previous ${monthsLabel(months)}`,
      align: 'right',
      cell: (row) => orMissing(row.previousVolume, formatCount),
    },
    { header: 'Change', align: 'right', cell: (row) => orMissing(row.volumeChange, formatCount) },
    {
      header: '% change',
      align: 'right',
      cell: (row) => orMissing(row.percentChange, formatPercent),
    },
    { header: 'Significance', align: 'left', cell: significanceMark },
    {
      header: 'Rate per 1,000',
      align: 'right',
      cell: (row) => orMissing(row.ratePer1000, formatRate),
    },
    { header: 'Rank', align: 'right', cell: (row) => (row.rank === null ? '' : String(row.rank)) },
    { header: 'Complete', align: 'left', cell: (row) => (row.complete ? 'yes' : 'no') },
  ];
}

/** "South Derbyshire (E07000039): changes by category, Jan 2025 – Dec 2025 (12 months)". */
export function areaChangesTitle(answer: Pick<AreaChangesAnswer, 'area' | 'period'>): string {
  return `${answer.area.name} (${answer.area.code}): changes by category, ${periodLabel(answer.period)}`;
}

/**
 * One area's categories as the plan lists its biggest increases: largest % increase first, with
 * the change's significance marked, incomplete rows after the rest under a rule; counts grouped, rates to 2 decimals and % to 1 (half away
 * from zero), missing values as "–". Notes under the table say what the marks mean and which
 * load the figures rest on.
 */
export function renderAreaChangesTable(answer: AreaChangesAnswer): string {
  const title = areaChangesTitle(answer);
  if (answer.rows.length === 0) return `${title}\n\nNo figures for this area and period.\n`;
  const columns = columnsFor(answer.period.months);
  const cells = (rows: readonly AreaChangeRow[]) =>
    rows.map((row) => columns.map((column) => column.cell(row)));
  // The answer lists incomplete rows last; the rule keeps them from reading as the bottom of one list.
  const table = textTable(columns, [
    cells(answer.rows.filter((row) => row.complete)),
    cells(answer.rows.filter((row) => !row.complete)),
  ]);
  return `${[title, '', table, ...notes(answer)].join('\n')}\n`;
}

function incompleteNote(answer: AreaChangesAnswer): string {
  const missing = `Complete "no": a month of this period or the ${monthsLabel(answer.period.months)} before is missing`;
  return answer.rows.some((row) => row.complete)
    ? `Below the rule, ${missing}, so the change is not comparable: listed after the complete rows, not tested for significance (${MISSING}).`
    : `${missing}, so the change is not comparable and not tested for significance (${MISSING}).`;
}

function notes(answer: AreaChangesAnswer): string[] {
  const { rows } = answer;
  return noteLines([
    rows.some((row) => row.significant === true)
      ? `▲/▼ significant: a rise or fall beyond chance (Poisson test, |z| ≥ ${SIGNIFICANCE_THRESHOLD}).`
      : undefined,
    rows.some((row) => !row.complete) ? incompleteNote(answer) : undefined,
    rows.some((row) => row.previousVolume === null || row.ratePer1000 === null)
      ? `${MISSING}: no data for the previous period, or no population for the area.`
      : undefined,
    basisNote(answer.basis),
  ]);
}
