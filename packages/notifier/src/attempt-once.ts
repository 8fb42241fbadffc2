import type { DeliveryAttempt } from '@crimestats/contracts';
import type {
  Store,
  StoredDelivery,
  StoredFigureEvent,
  StoredSubscription,
} from '@crimestats/store';
import type { Logger } from 'pino';
import type { AttemptResult, SendWebhook } from './attempt.ts';
import { nextAttemptAt, type RetryPolicy } from './backoff.ts';
import type { RecentLookups } from './caches.ts';
import { deliveryBody } from './delivery-body.ts';
import { targetOf } from './target.ts';
import { GONE_ERROR, attemptRecord, changedDelivery, type StateChange } from './delivery-state.ts';
import type { NotifierMetrics } from './metrics.ts';

export interface AttemptContext {
  store: Pick<Store, 'subscriptions'>;
  send: SendWebhook;
  subscriptions: RecentLookups<StoredSubscription | undefined>;
  events: RecentLookups<StoredFigureEvent | undefined>;
  policy: RetryPolicy;
  clock: () => number;
  random: () => number;
  metrics: NotifierMetrics | undefined;
}

/** What one attempt leaves to be written: its record (none when cancelled) and the next state. */
export interface AttemptRecords {
  attempts: DeliveryAttempt[];
  state: StoredDelivery;
}

/**
 * One scheduled attempt at a pending delivery, and the state it leaves: delivered; cancelled when
 * its subscription is gone, disabled, or answers 410 (which disables it); otherwise pending again
 * at the next time the policy gives, or dead when it gives none. Throws only when the store
 * cannot be read, before anything is sent.
 */
export async function attemptOnce(
  delivery: StoredDelivery,
  ctx: AttemptContext,
  log: Logger,
): Promise<AttemptRecords> {
  const subscription = await ctx.subscriptions.get(delivery.subscriptionId);
  if (subscription === undefined || subscription.status !== 'active') {
    const why = `subscription ${subscription === undefined ? 'removed' : 'disabled'}`;
    log.info({ reason: why }, 'delivery cancelled');
    const change: StateChange = { status: 'cancelled', lastError: why, attempted: false };
    return { attempts: [], state: changedDelivery(delivery, change, ctx.clock()) };
  }
  const event = await ctx.events.get(delivery.eventId);
  const attemptedAt = ctx.clock();
  let result: AttemptResult;
  if (event === undefined) {
    // Counted as a failed attempt, so that an event that never appears ends in a dead delivery.
    result = { outcome: 'failed', statusCode: null, durationMs: 0, error: 'event not stored' };
  } else {
    const target = targetOf(subscription);
    const message = { id: delivery.id, body: deliveryBody(event, subscription) };
    result = await ctx.send(target, message).catch((error: unknown): AttemptResult => ({
      outcome: 'failed',
      statusCode: null,
      durationMs: 0,
      error: error instanceof Error ? error.message : String(error),
    }));
    ctx.metrics?.attempted(result.outcome, result.durationMs);
  }
  const attempt = attemptRecord(delivery, result, attemptedAt);
  return { attempts: [attempt], state: await stateAfter(delivery, result, ctx, log) };
}

async function stateAfter(
  delivery: StoredDelivery,
  result: AttemptResult,
  ctx: AttemptContext,
  log: Logger,
): Promise<StoredDelivery> {
  const now = ctx.clock();
  const { outcome, statusCode, durationMs, error } = result;
  if (outcome === 'delivered') {
    log.debug({ statusCode, durationMs }, 'delivered');
    return changedDelivery(
      delivery,
      { status: 'delivered', lastError: null, attempted: true },
      now,
    );
  }
  if (outcome === 'gone') {
    await disable(delivery.subscriptionId, ctx, log);
    const change: StateChange = { status: 'cancelled', lastError: GONE_ERROR, attempted: true };
    return changedDelivery(delivery, change, now);
  }
  const createdAtMs = Date.parse(delivery.createdAt);
  const next = nextAttemptAt(createdAtMs, delivery.attempts + 1, now, ctx.policy, ctx.random);
  if (next === null) {
    log.error({ outcome, statusCode, error }, 'delivery dead: its retry window is over');
    return changedDelivery(delivery, { status: 'dead', lastError: error, attempted: true }, now);
  }
  const nextAt = new Date(next).toISOString();
  log.warn({ outcome, statusCode, error, nextAttemptAt: nextAt }, 'delivery attempt failed');
  const change: StateChange = {
    status: 'pending',
    lastError: error,
    nextAttemptAtMs: next,
    attempted: true,
  };
  return changedDelivery(delivery, change, now);
}

/** A 410 Gone: the subscription is disabled, so its other deliveries are cancelled too. */
async function disable(subscriptionId: string, ctx: AttemptContext, log: Logger): Promise<void> {
  try {
    await ctx.store.subscriptions.setStatus(subscriptionId, 'disabled');
    log.warn('receiver answered 410 Gone: subscription disabled');
  } catch (error) {
    // The next 410 disables it; this delivery is cancelled either way.
    log.error({ err: error }, 'could not disable a subscription after 410 Gone');
  } finally {
    ctx.subscriptions.forget(subscriptionId);
  }
}
