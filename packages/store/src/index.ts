export { openClickHouse, type ClickHouseTarget } from './client.ts';
export { sql, str, uint, int, float, ident, list, join, qualified, isSqlFragment } from './sql.ts';
export type { SqlFragment } from './sql.ts';
export { execute, selectRows, insertRows } from './query.ts';
export type { StoreLogger } from './logger.ts';
export {
  migrate,
  migrationStatus,
  MigrationError,
  type MigrationOptions,
  type MigrationStatus,
  type AppliedMigration,
  type ChangedMigration,
} from './migrations/runner.ts';
export {
  loadMigrations,
  splitStatements,
  defaultMigrationsDir,
  type MigrationFile,
} from './migrations/files.ts';
export {
  MonthlyRecordsRepository,
  type LatestCountsQuery,
  type MonthlyCountsQuery,
  type MonthRange,
} from './repositories/monthly-records.ts';
export {
  countsFromRecords,
  earliestStartReaching,
  LONGEST_RECORD_MONTHS,
  SOURCE_PRECEDENCE,
} from './monthly-counts.ts';
export type { CountSeries } from './monthly-series.ts';
export {
  DataBasisRepository,
  DataBasisQuerySchema,
  type DataBasis,
  type DataBasisQuery,
} from './repositories/data-basis.ts';
export {
  FiguresRepository,
  figureRowsOf,
  FigureRowSchema,
  FiguresQuerySchema,
  FiguresRangeQuerySchema,
  StoredFigureSchema,
  type FiguresRangeQuery,
  type FigureRow,
  type FiguresQuery,
} from './repositories/figures.ts';
export {
  AreaFiguresRepository,
  AreaPeriodQuerySchema,
  AreasRangeQuerySchema,
  type AreaPeriodQuery,
  type AreasRangeQuery,
} from './repositories/area-figures.ts';
export { DataVersionRepository, type DataVersion } from './repositories/data-version.ts';
export { InputRevisionsRepository, type InputRevisions } from './repositories/input-revisions.ts';
export { LoadsRepository, LoadSchema, type Load } from './repositories/loads.ts';
export { PopulationsRepository, type StoredPopulation } from './repositories/populations.ts';
export { ReferenceAreasRepository, type ReferenceLoad } from './repositories/reference-areas.ts';
export { ReferenceCategoriesRepository } from './repositories/reference-categories.ts';
export {
  loadReference,
  loadedReference,
  referenceWith,
  type LoadedReference,
} from './reference.ts';
export {
  ReferenceSource,
  REFERENCE_CHECK_EVERY_MS,
  type ReferenceSourceOptions,
  type ReferenceStore,
} from './reference-source.ts';
export { createStore, type Store } from './store.ts';
export {
  FigureSummariesRepository,
  FigureSummarySchema,
  type FigureSummary,
} from './repositories/figure-summaries.ts';
export {
  StoredSubscriptionSchema,
  SubscriptionsRepository,
  type StoredSubscription,
} from './repositories/subscriptions.ts';
export {
  EventSourceSchema,
  FigureEventsRepository,
  StoredFigureEventSchema,
  type EventPosition,
  type EventSource,
  type StoredFigureEvent,
} from './repositories/figure-events.ts';
export {
  DeliveriesRepository,
  StoredDeliverySchema,
  type DeliveryQuery,
  type StoredDelivery,
} from './repositories/deliveries.ts';
export { FeedsRepository, StoredFeedSchema, type StoredFeed } from './repositories/feeds.ts';
