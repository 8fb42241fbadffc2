import { monthLabel, monthsLabel } from '@crimestats/domain';
import { basisNote, noteLines } from '../answers/answer-notes.ts';
import type { AreaTrendAnswer, TrendLine } from '../answers/area-trend.ts';
import { MISSING, formatCount, formatRate, orMissing } from '@crimestats/stats';
import { textTable, type TextColumn } from './text-table.ts';

/** "Total recorded crime in South Derbyshire (E07000039), 12 months ending Jan 2025 to Dec 2025". */
export function areaTrendTitle(
  answer: Pick<AreaTrendAnswer, 'area' | 'category' | 'range'>,
): string {
  const { from, to, months } = answer.range;
  const ends = from === to ? monthLabel(to) : `${monthLabel(from)} to ${monthLabel(to)}`;
  return `${answer.category.name} in ${answer.area.name} (${answer.area.code}), ${monthsLabel(months)} ending ${ends}`;
}

/**
 * The trend as a table: one row per period end, oldest first, with the area's and then each
 * comparator's volume and rate per 1,000 (2 decimals, half away from zero) side by side, and
 * whether every window in the row had all its months.
 */
export function renderAreaTrendTable(answer: AreaTrendAnswer): string {
  const title = areaTrendTitle(answer);
  const ends = answer.lines[0]?.points.map((point) => point.periodEnd) ?? [];
  if (answer.lines.length === 0 || ends.length === 0) {
    return `${title}\n\nNo figures for this area, category and range.\n`;
  }
  const columns: TextColumn[] = [
    { header: 'Period end', align: 'left' },
    ...answer.lines.flatMap((line): TextColumn[] => [
      { header: `${line.area.name} volume`, align: 'right' },
      { header: `${line.area.name} rate`, align: 'right' },
    ]),
    { header: 'Complete', align: 'left' },
  ];
  const rows = ends.map((periodEnd, index) => {
    const points = answer.lines.map((line) => line.points[index]);
    return [
      monthLabel(periodEnd),
      ...points.flatMap((point) => [
        orMissing(point?.volume ?? null, formatCount),
        orMissing(point?.ratePer1000 ?? null, formatRate),
      ]),
      points.every((point) => point?.complete === true) ? 'yes' : 'no',
    ];
  });
  return `${[title, '', textTable(columns, [rows]), ...notes(answer)].join('\n')}\n`;
}

function notes(answer: AreaTrendAnswer): string[] {
  const points = answer.lines.flatMap((line: TrendLine) => line.points);
  return noteLines([
    `Each row is the ${monthsLabel(answer.range.months)} ending that month; rates are per 1,000 residents.`,
    points.some((point) => !point.complete)
      ? 'Complete "no": a month of one of that row\'s windows is missing.'
      : undefined,
    points.some((point) => point.volume === null || point.ratePer1000 === null)
      ? `${MISSING}: no figure for that window, or no population for the area.`
      : undefined,
    basisNote(answer.basis),
  ]);
}
