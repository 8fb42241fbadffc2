export type { AttemptResult, SendWebhook, WebhookMessage, WebhookTarget } from './attempt.ts';
export { deliveryIdOf, eventIdOf } from './ids.ts';
export { figuresEventData, namesFrom, type EventLinks, type EventNames } from './event-data.ts';
export { concerns, dataFor, deliveryBody } from './delivery-body.ts';
export { EventTail, type EventTailListener, type EventTailOptions } from './event-tail.ts';
