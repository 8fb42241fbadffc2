export { AreaRegistry } from './area-registry.ts';
export { liveAreaRegistry, liveCategoryTaxonomy } from './live-area-registry.ts';
export {
  AREA_KINDS,
  AreaKindSchema,
  AreaListSchema,
  AreaSchema,
  PoliceForceSchema,
  type Area,
  type AreaKind,
  type PoliceForce,
} from './area-schema.ts';
export {
  CATEGORY_CODE_PATTERN,
  CategoryCodeSchema,
  categoryCodeFromLabel,
} from './category-code.ts';
export {
  CATEGORY_DERIVATIONS,
  CATEGORY_SOURCES,
  CategoryDerivationSchema,
  CategoryListSchema,
  CategorySchema,
  CategorySourceSchema,
  type Category,
  type CategoryDerivation,
  type CategorySource,
} from './category-schema.ts';
export { CategoryTaxonomy } from './category-taxonomy.ts';
export {
  ReferenceCategoryRowSchema,
  categoryClash,
  withReferenceCategories,
  type ReferenceCategoryRow,
} from './reference-categories.ts';
export {
  areaByCode,
  areaByName,
  categoryByCode,
  cspAreas,
  cspMembersOf,
  defaultAreas,
  defaultCategories,
  defaultPopulations,
  defaultReference,
  rollups,
} from './default-reference.ts';
export { CountSchema, MonthlyCountSchema, type MonthlyCount } from './monthly-count.ts';
export {
  FIRST_YEAR,
  LAST_YEAR,
  MONTH_EXPECTED,
  MONTH_PATTERN,
  addMonths,
  addMonthsWithin,
  compareMonths,
  formatMonth,
  isMonth,
  monthFromParts,
  monthLabel,
  monthParts,
  monthRange,
  monthsBetween,
  parseMonth,
  type Month,
} from './months.ts';
export { MonthSchema, YearSchema } from './month-schema.ts';
export {
  DEFAULT_WINDOW_MONTHS,
  EARLIEST_PERIOD_END,
  MAX_WINDOW_MONTHS,
  isWindowLength,
  monthsLabel,
  monthsOf,
  periodEndsReaching,
  periodLabel,
  periodSpan,
  previousWindow,
  shiftWindow,
  windowEndingAt,
  type Window,
} from './periods.ts';
export { AREA_CODE_PATTERN, AreaCodeSchema } from './area-code.ts';
export { PopulationRowSchema, PopulationTable, type PopulationRow } from './populations.ts';
export {
  DEFAULT_DATA_DIR,
  loadReferenceData,
  populationRowsFromCsv,
  type ReferenceData,
} from './reference-data.ts';
export {
  ReferenceAreaRowSchema,
  withReferenceAreas,
  type ReferenceAreaRow,
} from './reference-areas.ts';
export { LoadedReferenceSchema, type LoadedReference } from './loaded-reference.ts';
export { describeMonthRuns } from './month-runs.ts';
export { PLAN_CATEGORIES, PLAN_CATEGORY_CODES, type PlanCategory } from './plan-categories.ts';
