import { PERCENT_DECIMALS, RATE_DECIMALS, toFixedHalfAwayFromZero } from '@crimestats/stats';
import type { ComparisonAnswer, ComparisonAnswerRow } from '../answers/comparison-answer.ts';

export const COMPARISON_CSV_HEADER = [
  'area_code',
  'area_name',
  'area_kind',
  'volume',
  'population',
  'rate_per_1000',
  'rank',
  'previous_volume',
  'volume_change',
  'percent_change',
  'complete',
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces
 * (which spreadsheets would otherwise trim), with quotes doubled.
 */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

const fixed = (value: number | null, decimals: number): string =>
  value === null ? '' : toFixedHalfAwayFromZero(value, decimals);

function csvCells(row: ComparisonAnswerRow): string[] {
  return [
    row.area.code,
    row.area.name,
    row.area.kind,
    fixed(row.volume, 0),
    fixed(row.population, 0),
    fixed(row.ratePer1000, RATE_DECIMALS),
    fixed(row.rank, 0),
    fixed(row.previousVolume, 0),
    fixed(row.volumeChange, 0),
    fixed(row.percentChange, PERCENT_DECIMALS),
    String(row.complete),
  ];
}

/**
 * The comparison as CSV, one row per area in the answer's order, rounded as the plan prints
 * (rates 2 decimals, % change 1) but without thousands separators, so spreadsheets read numbers.
 * Missing values are empty; lines end in "\n", the last one included.
 */
export function renderComparisonCsv(answer: ComparisonAnswer): string {
  const lines = [COMPARISON_CSV_HEADER, ...answer.rows.map(csvCells)].map((cells) =>
    cells.map(csvField).join(','),
  );
  return `${lines.join('\n')}\n`;
}
