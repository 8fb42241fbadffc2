import { PERCENT_DECIMALS, RATE_DECIMALS } from '@crimestats/stats';
import type { AreaChangeRow, AreaChangesAnswer } from '../answers/area-changes.ts';
import { csvFixed, csvLines } from './csv-cells.ts';

/** z-scores to 2 decimals: enough to see how far past the ±3 threshold a change is. */
const Z_SCORE_DECIMALS = 2;

export const AREA_CHANGES_CSV_HEADER = [
  'category_code',
  'category_name',
  'parent_code',
  'volume',
  'previous_volume',
  'volume_change',
  'percent_change',
  'z_score',
  'significant',
  'rate_per_1000',
  'rank',
  'complete',
] as const;

function cells(row: AreaChangeRow): string[] {
  return [
    row.category.code,
    row.category.name,
    row.category.parent ?? '',
    csvFixed(row.volume, 0),
    csvFixed(row.previousVolume, 0),
    csvFixed(row.volumeChange, 0),
    csvFixed(row.percentChange, PERCENT_DECIMALS),
    csvFixed(row.zScore, Z_SCORE_DECIMALS),
    row.significant === null ? '' : String(row.significant),
    csvFixed(row.ratePer1000, RATE_DECIMALS),
    csvFixed(row.rank, 0),
    String(row.complete),
  ];
}

/** One row per category in the answer's order, rounded as the plan prints; empty cells for null. */
export function renderAreaChangesCsv(answer: AreaChangesAnswer): string {
  return csvLines([AREA_CHANGES_CSV_HEADER, ...answer.rows.map(cells)]);
}
