import { z } from 'zod';
import type { ComparisonAnswer } from '../answers/comparison-answer.ts';
import { renderComparisonCsv } from './render-csv.ts';
import { renderComparisonTable } from './render-table.ts';

export const REPORT_FORMATS = ['table', 'csv', 'json'] as const;
export const ReportFormatSchema = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;

/** The answer as JSON, unrounded, as the contract gives it. */
export function renderComparisonJson(answer: ComparisonAnswer): string {
  return `${JSON.stringify(answer, null, 2)}\n`;
}

/** The answer in one of the report formats; every format ends with a line break. */
export function renderComparison(answer: ComparisonAnswer, format: ReportFormat): string {
  switch (format) {
    case 'table':
      return renderComparisonTable(answer);
    case 'csv':
      return renderComparisonCsv(answer);
    case 'json':
      return renderComparisonJson(answer);
  }
}
