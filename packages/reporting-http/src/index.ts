export { buildReportingApp, type ReportingApp, type ReportingAppDeps } from './app.ts';
export { mayReadArea, requireReader } from './auth.ts';
export type { AnswerCacheSettings, ClickHouseClient } from './reads.ts';
export type { SubscriptionSettings } from './routes/subscriptions.ts';
