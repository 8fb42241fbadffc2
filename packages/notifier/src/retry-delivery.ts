import type { Store, StoredDelivery } from '@crimestats/store';
import type { AttemptResult, SendWebhook } from './attempt.ts';
import { deliveryBody } from './delivery-body.ts';
import { targetOf } from './target.ts';
import { GONE_ERROR, attemptRecord, changedDelivery } from './delivery-state.ts';

export type RetryRefusal = 'not-found' | 'not-dead' | 'subscription-inactive' | 'event-missing';

/** Why a manual retry was not attempted: nothing was sent and nothing written. */
export class RetryRefused extends Error {
  readonly reason: RetryRefusal;

  constructor(reason: RetryRefusal, message: string) {
    super(message);
    this.name = 'RetryRefused';
    this.reason = reason;
  }
}

export interface RetryResult {
  delivery: StoredDelivery;
  attempt: AttemptResult;
}

/**
 * One attempt now at a dead delivery (`POST /v1/deliveries/{id}/retry`), from any process that has
 * the store: delivered on a 2xx, otherwise still dead with the attempt recorded. It stays out of
 * the retry schedule either way, so a receiver that is still down is not retried for another day.
 * A 410 disables the subscription, as it does for a scheduled attempt.
 */
export async function retryDelivery(
  store: Pick<Store, 'deliveries' | 'subscriptions' | 'figureEvents'>,
  send: SendWebhook,
  deliveryId: string,
  clock: () => number = Date.now,
): Promise<RetryResult> {
  const delivery = await store.deliveries.get(deliveryId);
  if (delivery === undefined) throw new RetryRefused('not-found', `no delivery ${deliveryId}`);
  if (delivery.status !== 'dead') {
    throw new RetryRefused(
      'not-dead',
      `delivery ${deliveryId} is ${delivery.status}; only a dead one is retried by hand`,
    );
  }
  const subscription = await store.subscriptions.get(delivery.subscriptionId);
  if (subscription === undefined || subscription.status !== 'active') {
    throw new RetryRefused(
      'subscription-inactive',
      `subscription ${delivery.subscriptionId} is ${subscription?.status ?? 'removed'}`,
    );
  }
  const event = await store.figureEvents.get(delivery.eventId);
  if (event === undefined) {
    throw new RetryRefused('event-missing', `event ${delivery.eventId} is not stored`);
  }
  const attemptedAt = clock();
  const attempt = await send(targetOf(subscription), {
    id: delivery.id,
    body: deliveryBody(event, subscription),
  });
  if (attempt.outcome === 'gone') await store.subscriptions.setStatus(subscription.id, 'disabled');
  const delivered = attempt.outcome === 'delivered';
  const next = changedDelivery(
    delivery,
    {
      status: delivered ? 'delivered' : 'dead',
      lastError: delivered ? null : attempt.outcome === 'gone' ? GONE_ERROR : attempt.error,
      attempted: true,
    },
    clock(),
  );
  await store.deliveries.recordAttempts([attemptRecord(delivery, attempt, attemptedAt)]);
  await store.deliveries.saveStates([next]);
  return { delivery: next, attempt };
}
