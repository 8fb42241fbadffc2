export {
  MonthlyRecordSchema,
  SourceKindSchema,
  type MonthlyRecord,
  type SourceKind,
} from './monthly-record.ts';
export { Topics, defaultPartitions } from './topics.ts';
export { PopulationRecordSchema, type PopulationRecord } from './population-record.ts';
export {
  BatchReportSchema,
  FileReportSchema,
  FileStatusSchema,
  InputFormatSchema,
  ProblemSchema,
  UnknownOffenceCodeSchema,
  UnmappedReasonSchema,
  type BatchReport,
  type FileReport,
  type FileStatus,
  type InputFormat,
  type Problem,
  type UnknownOffenceCode,
  type UnmappedReason,
} from './file-report.ts';
export { FiguresUpdatedSchema, type FiguresUpdated } from './figures-updated.ts';
export {
  DEAD_LETTER_VALUE_LIMIT,
  DeadLetterReasonSchema,
  DeadLetterSchema,
  type DeadLetter,
  type DeadLetterReason,
} from './dead-letter.ts';
export {
  EventCategoryFiguresSchema,
  EventPeriodSchema,
  FiguresEventDataSchema,
  FiguresEventSchema,
  type EventCategoryFigures,
  type EventPeriod,
  type FiguresEvent,
  type FiguresEventData,
} from './figures-event.ts';
export {
  AttemptOutcomeSchema,
  CreatedSubscriptionSchema,
  CreatedWebhookSubscriptionSchema,
  DeliveryAttemptSchema,
  DeliverySchema,
  DeliveryStatusSchema,
  EmailSubscriptionSchema,
  NewEmailSubscriptionSchema,
  NewSubscriptionBodySchema,
  NewSubscriptionSchema,
  NewWebhookSubscriptionSchema,
  SubscriptionSchema,
  SubscriptionStatusSchema,
  WebhookSubscriptionSchema,
  type AttemptOutcome,
  type CreatedSubscription,
  type CreatedWebhookSubscription,
  type Delivery,
  type DeliveryAttempt,
  type DeliveryStatus,
  type EmailSubscription,
  type NewSubscription,
  type NewSubscriptionBody,
  type Subscription,
  type SubscriptionStatus,
  type WebhookSubscription,
} from './subscriptions.ts';
export { TokenHolderSchema, type TokenHolder } from './token-holder.ts';
export {
  CreatedFeedSchema,
  FeedSchema,
  NewFeedSchema,
  type CreatedFeed,
  type Feed,
  type NewFeed,
} from './feeds.ts';
