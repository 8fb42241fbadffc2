export type { AttemptResult, SendWebhook, WebhookMessage, WebhookTarget } from './attempt.ts';
export { deliveryIdOf, eventIdOf } from './ids.ts';
export { figuresEventData, namesFrom, type EventLinks, type EventNames } from './event-data.ts';
export { concerns, dataFor, deliveryBody } from './delivery-body.ts';
export {
  Coalescer,
  DEFAULT_COALESCE,
  type CoalesceTiming,
  type CoalescedBatch,
} from './coalescer.ts';
export { Notifier, type DeliveryQueue, type NotifierOptions } from './notifier.ts';
export {
  startNotifierConsumer,
  type NotifierConsumerOptions,
  type RunningNotifierConsumer,
} from './kafka-consumer.ts';
export { notifierConfigFields } from './config-fields.ts';
export { createSender, DEFAULT_SEND_TIMEOUT_MS, type SenderOptions } from './sender.ts';
export {
  DEFAULT_RETRY_POLICY,
  backoffBoundMs,
  backoffDelayMs,
  nextAttemptAt,
  retryPolicy,
  type RetryPolicy,
} from './backoff.ts';
export { Dispatcher, type DispatcherOptions } from './dispatcher.ts';
export {
  retryDelivery,
  RetryRefused,
  type RetryRefusal,
  type RetryResult,
} from './retry-delivery.ts';
export { deliveriesOf, GONE_ERROR } from './delivery-state.ts';
export { unstatedDeliveries } from './recovery.ts';
export type { BatchOptions } from './record-writer.ts';
export { notifierMetrics, type NotifierMetrics, type PendingSource } from './metrics.ts';
export { EventTail, type EventTailListener, type EventTailOptions } from './event-tail.ts';
export {
  MAX_PAGE,
  SubscriptionInputError,
  createSubscription,
  getSubscription,
  listDeliveries,
  listSubscriptions,
  newSubscriptionId,
  publicDelivery,
  publicSubscription,
  removeSubscription,
  retryDeadDelivery,
  subscribableArea,
  subscriptionAttempts,
  unsubscribeByToken,
  validUnsubscribe,
  type DeliveriesQuery,
  type RetryDelivery,
  type RetryOutcome,
  type SubscriptionField,
  type SubscriptionRules,
  type SubscriptionStore,
} from './subscription-service.ts';
export { pingSubscription, type PingOptions } from './ping.ts';
export {
  createFeed,
  feedTokenHash,
  feedUrl,
  getFeed,
  listFeeds,
  newFeedId,
  newFeedToken,
  publicFeed,
  readFeed,
  revokeFeed,
  type FeedReadOptions,
  type FeedRules,
  type FeedStore,
} from './feed-service.ts';
export {
  ATOM_NS,
  FEED_ENTRIES,
  XHTML_NS,
  entryIdOf,
  renderAtomFeed,
  type AtomFeed,
  type AtomFeedHead,
  type FeedEvent,
} from './atom/index.ts';
export { emailOf, emailTarget, targetOf } from './target.ts';
export { unsubscribeToken, unsubscribeTokenMatches, unsubscribeUrl } from './unsubscribe-token.ts';
