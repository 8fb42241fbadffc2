export { AreaRegistry } from './area-registry.ts';
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
export { categoryCodeFromLabel } from './category-code.ts';
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
export { MonthlyCountSchema, type MonthlyCount } from './monthly-count.ts';
export {
  MonthSchema,
  addMonths,
  compareMonths,
  formatMonth,
  isMonth,
  monthFromParts,
  monthParts,
  monthRange,
  monthsBetween,
  parseMonth,
  type Month,
} from './months.ts';
export { OnsCodeSchema } from './ons-code.ts';
export { PopulationRowSchema, PopulationTable, type PopulationRow } from './populations.ts';
export {
  DEFAULT_DATA_DIR,
  loadReferenceData,
  populationRowsFromCsv,
  type ReferenceData,
} from './reference-data.ts';
export { describeMonthRuns } from './month-runs.ts';
