import { RATE_DECIMALS } from '@crimestats/stats';
import type { AreaTrendAnswer } from '../answers/area-trend.ts';
import { csvFixed, csvLines } from './csv-cells.ts';

export const AREA_TREND_CSV_HEADER = [
  'period_end',
  'area_code',
  'area_name',
  'area_kind',
  'volume',
  'rate_per_1000',
  'complete',
] as const;

/**
 * Long form, one row per period end and line (the area first, then its comparators), which
 * spreadsheets pivot into a chart; rates rounded as the plan prints.
 */
export function renderAreaTrendCsv(answer: AreaTrendAnswer): string {
  const ends = answer.lines[0]?.points.map((point) => point.periodEnd) ?? [];
  const rows = ends.flatMap((periodEnd, index) =>
    answer.lines.map((line) => {
      const point = line.points[index];
      return [
        periodEnd,
        line.area.code,
        line.area.name,
        line.area.kind,
        csvFixed(point?.volume ?? null, 0),
        csvFixed(point?.ratePer1000 ?? null, RATE_DECIMALS),
        String(point?.complete ?? false),
      ];
    }),
  );
  return csvLines([AREA_TREND_CSV_HEADER, ...rows]);
}
