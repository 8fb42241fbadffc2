import type { AreaChangesAnswer } from '../answers/area-changes.ts';
import type { AreaTrendAnswer } from '../answers/area-trend.ts';
import type { ReportFormat } from './render-comparison.ts';
import { renderAreaChangesCsv } from './render-area-changes-csv.ts';
import { renderAreaChangesTable } from './render-area-changes-table.ts';
import { renderAreaTrendCsv } from './render-area-trend-csv.ts';
import { renderAreaTrendTable } from './render-area-trend-table.ts';

/** An answer as JSON, unrounded, exactly as the API gives it. */
const json = (answer: unknown): string => `${JSON.stringify(answer, null, 2)}\n`;

/** One area's changes in one of the report formats; every format ends with a line break. */
export function renderAreaChanges(answer: AreaChangesAnswer, format: ReportFormat): string {
  switch (format) {
    case 'table':
      return renderAreaChangesTable(answer);
    case 'csv':
      return renderAreaChangesCsv(answer);
    case 'json':
      return json(answer);
  }
}

/** One area's trend in one of the report formats; every format ends with a line break. */
export function renderAreaTrend(answer: AreaTrendAnswer, format: ReportFormat): string {
  switch (format) {
    case 'table':
      return renderAreaTrendTable(answer);
    case 'csv':
      return renderAreaTrendCsv(answer);
    case 'json':
      return json(answer);
  }
}
