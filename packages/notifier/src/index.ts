export type { AttemptResult, SendWebhook, WebhookMessage, WebhookTarget } from './attempt.ts';
export { deliveryIdOf, eventIdOf } from './ids.ts';
export { figuresEventData, namesFrom, type EventLinks, type EventNames } from './event-data.ts';
export { concerns, dataFor, deliveryBody } from './delivery-body.ts';
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
  type DeliveriesQuery,
  type RetryDelivery,
  type RetryOutcome,
  type SubscriptionField,
  type SubscriptionRules,
  type SubscriptionStore,
} from './subscription-service.ts';
export { pingSubscription, type PingOptions } from './ping.ts';
