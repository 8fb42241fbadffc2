export { affectedCategories, affectedPeriodEnds, allPeriodEnds } from './affected-periods.ts';
export { figureChange, figureKey } from './figure-rows.ts';
export {
  recomputeChunks,
  recomputeFigures,
  type RecomputeScope,
  type RecomputeResult,
} from './recompute.ts';
export { DEFAULT_RECOMPUTE_LIMITS, type RecomputeLimits } from './recompute-plan.ts';
export {
  RecordProcessor,
  type RecordProcessorOptions,
  type ProcessResult,
  type RecomputeAllOptions,
} from './record-processor.ts';
export type { AggregatorReference } from './reference.ts';
export { discardUpdates, type FiguresUpdatesSink } from './updates-sink.ts';
export { kafkaUpdatesSink } from './kafka-updates-sink.ts';
export {
  DEFAULT_BATCH_WAIT_MS,
  DEFAULT_STUCK_AFTER_MS,
  startAggregatorConsumer,
  type AggregatorConsumerOptions,
  type RunningConsumer,
} from './consumer.ts';
export type { StuckPartition } from './partition-health.ts';
export { refusePopulation, refuseRecord, type Refusal } from './admission.ts';
export { isPermanent } from './failures.ts';
export { aggregatorMetrics, type AggregatorMetrics } from './metrics.ts';
export { aggregatorTopicSpecs, defaultAggregatorTopics, type AggregatorTopics } from './topics.ts';
export { retryUntilDone, type RetryDelays } from './backoff.ts';
