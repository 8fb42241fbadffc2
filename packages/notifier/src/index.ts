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
