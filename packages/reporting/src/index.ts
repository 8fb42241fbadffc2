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
  parseComparisonQuery,
  type ComparisonQuery,
  type ComparisonQueryField,
  type ComparisonQueryInput,
  type ParsedComparisonQuery,
} from './comparison-query.ts';
export { missingFiguresMessage } from './missing-figures.ts';
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
export {
  FiguresStoreError,
  describeTarget,
  withFiguresStore,
  type FiguresStoreOptions,
  type ReportStore,
} from './figures-store.ts';
export {
  AnswerCache,
  DataVersionWatch,
  type AnswerCacheOptions,
  type CacheOutcome,
  type DataVersionWatchOptions,
  type VersionSource,
} from './answer-cache.ts';
export {
  AreaChangeRowSchema,
  AreaChangesAnswerSchema,
  areaChangesFromFigures,
  type AreaChangeRow,
  type AreaChangesAnswer,
  type AreaChangesQuery,
} from './area-changes.ts';
export {
  AreaTrendAnswerSchema,
  TrendLineSchema,
  TrendPointSchema,
  areaTrendFromFigures,
  type AreaTrendAnswer,
  type AreaTrendQuery,
  type TrendLine,
  type TrendPoint,
  type TrendSubjects,
} from './area-trend.ts';
export {
  ComparisonResponseSchema,
  readComparisonResponse,
  type ComparisonResponse,
} from './comparison-response.ts';
export { csvFixed, csvLines } from './csv-cells.ts';
export { missingAreaChangesMessage, missingTrendMessage } from './missing-area-figures.ts';
export { readAreaChanges, type AreaChangesSource } from './read-area-changes.ts';
export { readAreaTrend, type AreaTrendSource } from './read-area-trend.ts';
export {
  AreaListAnswerSchema,
  CategoryListAnswerSchema,
  areaList,
  categoryList,
  renderAreaListCsv,
  renderCategoryListCsv,
  type AreaListAnswer,
  type CategoryListAnswer,
} from './reference-lists.ts';
export { AREA_CHANGES_CSV_HEADER, renderAreaChangesCsv } from './render-area-changes-csv.ts';
export { AREA_TREND_CSV_HEADER, renderAreaTrendCsv } from './render-area-trend-csv.ts';
export {
  areaChangesTitle,
  renderAreaChangesTable,
  significanceMark,
} from './render-area-changes-table.ts';
export { areaTrendTitle, renderAreaTrendTable } from './render-area-trend-table.ts';
export { renderAreaChanges, renderAreaTrend } from './render-area-reports.ts';
export {
  AreaCodeParamSchema,
  CategoryCodeParamSchema,
  MAX_TREND_POINTS,
  PeriodEndParamSchema,
  WindowMonthsParamSchema,
  trendRangeProblem,
} from './report-params.ts';
export { trendComparators } from './trend-comparators.ts';
