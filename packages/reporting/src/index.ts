// Requests: the parameters of a report, checked the same way on the command line and over HTTP.
export {
  parseComparisonQuery,
  type ComparisonQuery,
  type ComparisonQueryField,
  type ComparisonQueryInput,
  type ParsedComparisonQuery,
} from './requests/comparison-query.ts';

export {
  ALL_FORCES,
  AreaCodeParamSchema,
  ForceParamSchema,
  CategoryCodeParamSchema,
  MAX_TREND_POINTS,
  PeriodEndParamSchema,
  WindowMonthsParamSchema,
  trendRangeProblem,
} from './requests/report-params.ts';

// Answers: the shapes users receive, built from stored figures (pure).
export {
  AnswerBasisSchema,
  ComparisonAnswerRowSchema,
  ComparisonAnswerSchema,
  type AnswerBasis,
  type ComparisonAnswer,
  type ComparisonAnswerRow,
} from './answers/comparison-answer.ts';

export { answerBasis } from './answers/answer-basis.ts';

export { comparisonFromFigures, type AnswerReference } from './answers/comparison-from-figures.ts';

export {
  forcesOfCsps,
  nationalComparisonFromFigures,
  type NationalReference,
} from './answers/national-comparison.ts';

export { missingFiguresMessage } from './answers/missing-figures.ts';

export {
  AreaChangeRowSchema,
  AreaChangesAnswerSchema,
  areaChangesFromFigures,
  type AreaChangeRow,
  type AreaChangesAnswer,
  type AreaChangesQuery,
} from './answers/area-changes.ts';

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
} from './answers/area-trend.ts';

export { missingAreaChangesMessage, missingTrendMessage } from './answers/missing-area-figures.ts';

export {
  AreaListAnswerSchema,
  CategoryListAnswerSchema,
  areaList,
  categoryList,
  renderAreaListCsv,
  renderCategoryListCsv,
  type AreaListAnswer,
  type CategoryListAnswer,
} from './answers/reference-lists.ts';

export { trendComparators } from './answers/trend-comparators.ts';

export {
  PACK_INCREASES_PER_AREA,
  biggestIncreases,
  boardPackFrom,
  type BoardPack,
  type BoardPackQuery,
} from './answers/board-pack.ts';

// Reads: answers from the store, cached while the data has not changed.
export {
  readComparison,
  type ComparisonLookup,
  type FiguresSource,
} from './reads/read-comparison.ts';

export {
  figuresOnDemand,
  forcesComputed,
  periodsOnDemand,
  referenceForArea,
  type FiguresReference,
  type OnDemandRequest,
  type OnDemandSource,
} from './reads/figures-on-demand.ts';

export {
  FiguresStoreError,
  describeTarget,
  reportStore,
  withFiguresStore,
  type FiguresStoreOptions,
  type ReportStore,
} from './reads/figures-store.ts';

export {
  AnswerCache,
  DataVersionWatch,
  type AnswerCacheOptions,
  type CacheOutcome,
  type DataVersionWatchOptions,
  type VersionSource,
} from './reads/answer-cache.ts';

export {
  ComparisonResponseSchema,
  readComparisonResponse,
  type ComparisonResponse,
} from './reads/comparison-response.ts';

export { readAreaChanges, type AreaChangesSource } from './reads/read-area-changes.ts';

export { readAreaTrend, type AreaTrendSource } from './reads/read-area-trend.ts';

export { boardPackReadsFrom, readBoardPack, type BoardPackReads } from './reads/read-board-pack.ts';

// Rendering: answers as plan-style text tables and CSV.
export {
  REPORT_FORMATS,
  ReportFormatSchema,
  renderComparison,
  renderComparisonJson,
  type ReportFormat,
} from './rendering/render-comparison.ts';

export { COMPARISON_CSV_HEADER, csvField, renderComparisonCsv } from './rendering/render-csv.ts';

export { comparisonTitle, renderComparisonTable } from './rendering/render-table.ts';

export { csvFixed, csvLines } from './rendering/csv-cells.ts';

export {
  AREA_CHANGES_CSV_HEADER,
  renderAreaChangesCsv,
} from './rendering/render-area-changes-csv.ts';

export { AREA_TREND_CSV_HEADER, renderAreaTrendCsv } from './rendering/render-area-trend-csv.ts';

export {
  areaChangesTitle,
  renderAreaChangesTable,
  significanceMark,
} from './rendering/render-area-changes-table.ts';

export { areaTrendTitle, renderAreaTrendTable } from './rendering/render-area-trend-table.ts';

export { renderAreaChanges, renderAreaTrend } from './rendering/render-area-reports.ts';

// The Board pack: the plan categories' comparisons and the areas' changes in one workbook.
export {
  AREA_CHANGES_SHEET,
  BOARD_PACK_MEDIA_TYPE,
  CONTENTS_SHEET,
  NOTES_SHEET,
  boardPackFilename,
  boardPackWorkbook,
  renderBoardPack,
} from './rendering/board-pack.ts';
