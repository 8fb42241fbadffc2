import type { StoredDelivery } from '@crimestats/store';
import type {
  AttemptResult,
  RetryDelivery,
  SendWebhook,
  WebhookMessage,
  WebhookTarget,
} from '@crimestats/notifier';
import { NOTHING_ALLOWED, type AllowList } from '@crimestats/webhooks';
import type { SubscriptionSettings } from '../routes/subscriptions.ts';

/** A clock that moves one second on every reading, so "newest first" has one answer. */
export function tickingClock(start = Date.parse('2026-02-01T10:00:00Z')): () => Date {
  let now = start;
  return () => new Date((now += 1000));
}

/**
 * Subscription settings whose sender and retry only record what they were asked: signing and
 * sending are the notifier's, tested there.
 */
export function fakeSubscriptionSettings(allow: AllowList = NOTHING_ALLOWED) {
  const sent: Array<{ target: WebhookTarget; message: WebhookMessage }> = [];
  const retried: string[] = [];
  const answer: AttemptResult = {
    outcome: 'delivered',
    statusCode: 204,
    durationMs: 12,
    error: null,
  };
  const send: SendWebhook = async (target, message) => {
    sent.push({ target, message });
    return answer;
  };
  const delivered = new Map<string, StoredDelivery>();
  const retry: RetryDelivery = async (deliveryId) => {
    retried.push(deliveryId);
    const delivery = delivered.get(deliveryId);
    if (delivery === undefined) throw new Error(`the test did not expect ${deliveryId} retried`);
    return { delivery, attempt: answer };
  };
  const settings: SubscriptionSettings = { allow, send, retry, clock: tickingClock() };
  return {
    settings,
    sent,
    retried,
    answer,
    /** What the fake retry answers for a delivery. */
    afterRetry: (delivery: StoredDelivery) => void delivered.set(delivery.id, delivery),
  };
}
