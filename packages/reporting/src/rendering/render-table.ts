import { monthsLabel, periodLabel } from '@crimestats/domain';
import { basisNote, noteLines } from '../answers/answer-notes.ts';
import type { ComparisonAnswer, ComparisonAnswerRow } from '../answers/comparison-answer.ts';
import { MISSING, formatCount, formatPercent, formatRate, orMissing } from '@crimestats/stats';
import { textTable, type TextColumn } from './text-table.ts';

interface Column extends TextColumn {
  cell: (row: ComparisonAnswerRow) => string;
}

function columnsFor(months: number): Column[] {
  return [
    { header: 'Area', align: 'left', cell: (row) => row.area.name },
    { header: 'Volume', align: 'right', cell: (row) => formatCount(row.volume) },
    {
      header: 'Rate per 1,000',
      align: 'right',
      cell: (row) => orMissing(row.ratePer1000, formatRate),
    },
    {
      header: 'Rank',
      align: 'right',
      // Rollups are never ranked, so a blank says "not applicable" where a mark would say "unknown".
      cell: (row) => (row.area.kind === 'csp' ? orMissing(row.rank, String) : ''),
    },
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
    { header: 'Complete', align: 'left', cell: (row) => (row.complete ? 'yes' : 'no') },
  ];
}

/** "Total recorded crime, Jan 2025 – Dec 2025 (12 months)". */
export function comparisonTitle(answer: Pick<ComparisonAnswer, 'category' | 'period'>): string {
  return `${answer.category.name}, ${periodLabel(answer.period)}`;
}

/**
 * The comparison as the plan prints it: a title, the CSP areas by rank, a rule, then the County
 * Council and Force area rows; counts grouped in thousands, rates to 2 decimals and % change to
 * 1 (half away from zero), missing values as "–". Notes under the table say what the data is.
 * Ends with a line break, like the other renderers, so the output can be written as it is.
 */
export function renderComparisonTable(answer: ComparisonAnswer): string {
  const title = comparisonTitle(answer);
  if (answer.rows.length === 0) return `${title}\n\nNo figures for this category and period.\n`;
  const columns = columnsFor(answer.period.months);
  const cells = (rows: readonly ComparisonAnswerRow[]): string[][] =>
    rows.map((row) => columns.map((column) => column.cell(row)));
  const csps = answer.rows.filter((row) => row.area.kind === 'csp');
  const rollups = answer.rows.filter((row) => row.area.kind !== 'csp');
  const table = textTable(columns, [cells(csps), cells(rollups)]);
  return `${[title, '', table, ...notes(answer)].join('\n')}\n`;
}

function notes(answer: ComparisonAnswer): string[] {
  const lines: string[] = [];
  if (answer.rows.some((row) => !row.complete)) {
    lines.push(
      `Complete "no": a month of this period or the ${monthsLabel(answer.period.months)} before is missing for that area.`,
    );
  }
  if (answer.rows.some((row) => row.ratePer1000 === null || row.previousVolume === null)) {
    lines.push(`${MISSING}: no population for the area, or no data for the previous period.`);
  }
  return noteLines([...lines, basisNote(answer.basis)]);
}
