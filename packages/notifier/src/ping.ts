import { randomBytes } from 'node:crypto';
import type { DeliveryAttempt } from '@crimestats/contracts';
import type { SendWebhook } from './attempt.ts';
import { deliveryBody } from './delivery-body.ts';
import { targetOf } from './target.ts';
import { figuresEventData, type EventLinks, type EventNames } from './event-data.ts';
import type { SubscriptionStore } from './subscription-service.ts';

export interface PingOptions {
  names: EventNames;
  links: EventLinks;
  clock?: () => Date;
}

/**
 * Sends a subscription a signed `ping` event: its area with no periods, and the links, so a
 * receiver can check its endpoint and signature before real figures come. Each ping has a fresh
 * delivery id and no delivery state (it is never retried); its one attempt is recorded with the
 * subscription's others. Undefined when there is no such subscription. A ping never changes the
 * subscription's status, whatever the receiver answers.
 */
export async function pingSubscription(
  store: SubscriptionStore,
  send: SendWebhook,
  id: string,
  options: PingOptions,
): Promise<DeliveryAttempt | undefined> {
  const subscription = await store.subscriptions.get(id);
  if (subscription === undefined) return undefined;
  const now = (options.clock ?? (() => new Date()))();
  const data = figuresEventData(subscription.area, [], options.names, options.links);
  const message = {
    id: `msg_${randomBytes(16).toString('base64url')}`,
    body: deliveryBody({ createdAtMs: now.getTime(), data }, subscription, 'ping'),
  };
  const result = await send(targetOf(subscription), message);
  const attempt: DeliveryAttempt = {
    deliveryId: message.id,
    subscriptionId: subscription.id,
    attempt: 1,
    attemptedAt: now.toISOString(),
    outcome: result.outcome,
    statusCode: result.statusCode,
    durationMs: result.durationMs,
    error: result.error,
  };
  await store.deliveries.recordAttempts([attempt]);
  return attempt;
}
