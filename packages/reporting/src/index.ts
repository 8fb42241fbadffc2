export {
  AnswerBasisSchema,
  ComparisonAnswerRowSchema,
  ComparisonAnswerSchema,
  type AnswerBasis,
  type ComparisonAnswer,
  type ComparisonAnswerRow,
} from './comparison-answer.ts';
export { answerBasis } from './answer-basis.ts';
export { comparisonFromFigures, type AnswerReference } from './comparison-from-figures.ts';
export {
  MAX_WINDOW_MONTHS,
  parseComparisonQuery,
  type ComparisonQuery,
  type ComparisonQueryField,
  type ComparisonQueryInput,
  type ParsedComparisonQuery,
} from './comparison-query.ts';
export { missingFiguresMessage } from './missing-figures.ts';
export { describeMonthRuns } from './month-runs.ts';
export { readComparison, type ComparisonLookup, type FiguresSource } from './read-comparison.ts';
export {
  REPORT_FORMATS,
  ReportFormatSchema,
  renderComparison,
  renderComparisonJson,
  type ReportFormat,
} from './render-comparison.ts';
export { COMPARISON_CSV_HEADER, csvField, renderComparisonCsv } from './render-csv.ts';
export { comparisonTitle, renderComparisonTable } from './render-table.ts';
export { monthLabel, periodLabel } from './period-label.ts';
export {
  FiguresStoreError,
  describeTarget,
  withFiguresStore,
  type FiguresStoreOptions,
} from './figures-store.ts';
