import type { DeliveryAttempt, DeliveryStatus } from '@crimestats/contracts';
import type { StoredDelivery, StoredFigureEvent } from '@crimestats/store';
import type { AttemptResult } from './attempt.ts';
import { deliveryIdOf } from './ids.ts';

/** The last error of a delivery whose receiver answered 410 Gone. */
export const GONE_ERROR = '410 Gone: subscription disabled';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The record of one attempt, numbered after those before it. */
export function attemptRecord(
  delivery: StoredDelivery,
  result: AttemptResult,
  attemptedAtMs: number,
): DeliveryAttempt {
  return {
    deliveryId: delivery.id,
    subscriptionId: delivery.subscriptionId,
    attempt: delivery.attempts + 1,
    attemptedAt: iso(attemptedAtMs),
    outcome: result.outcome,
    statusCode: result.statusCode,
    durationMs: result.durationMs,
    error: result.error,
  };
}

export interface StateChange {
  status: DeliveryStatus;
  lastError: string | null;
  /** Required when pending. */
  nextAttemptAtMs?: number;
  /** Whether an attempt was made (and so counted). */
  attempted: boolean;
}

/** The delivery's next version: each change is written as a new row that replaces the last. */
export function changedDelivery(
  delivery: StoredDelivery,
  change: StateChange,
  nowMs: number,
): StoredDelivery {
  if (change.status === 'pending' && change.nextAttemptAtMs === undefined) {
    throw new RangeError('a pending delivery needs the time of its next attempt');
  }
  return {
    ...delivery,
    status: change.status,
    attempts: delivery.attempts + (change.attempted ? 1 : 0),
    nextAttemptAt: change.status === 'pending' ? iso(change.nextAttemptAtMs!) : null,
    lastError: change.lastError,
    updatedAt: iso(nowMs),
    version: delivery.version + 1,
  };
}

/** A delivery that never had a state: pending from its event's time, attempted at once. */
export function newDelivery(
  ids: { id: string; eventId: string; subscriptionId: string; area: string },
  createdAtMs: number,
  nowMs: number,
): StoredDelivery {
  return {
    ...ids,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: iso(nowMs),
    lastError: null,
    createdAt: iso(createdAtMs),
    updatedAt: iso(nowMs),
    version: 1,
  };
}

/** The pending deliveries an event owes: one per subscription it lists, with their lasting ids. */
export function deliveriesOf(
  event: Pick<StoredFigureEvent, 'id' | 'area' | 'createdAtMs' | 'subscriptionIds'>,
  nowMs: number,
): StoredDelivery[] {
  return event.subscriptionIds.map((subscriptionId) =>
    newDelivery(
      {
        id: deliveryIdOf(event.id, subscriptionId),
        eventId: event.id,
        subscriptionId,
        area: event.area,
      },
      event.createdAtMs,
      nowMs,
    ),
  );
}
