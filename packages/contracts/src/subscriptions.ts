import { AreaCodeSchema, CategoryCodeSchema } from '@crimestats/domain';
import { z } from 'zod';

/** `POST /v1/subscriptions`: an area's figures to a webhook URL; every category when none given. */
export const NewSubscriptionSchema = z.object({
  area: AreaCodeSchema,
  url: z.string().min(1).max(2048),
  categories: z.array(CategoryCodeSchema).min(1).max(100).optional(),
});
export type NewSubscription = z.infer<typeof NewSubscriptionSchema>;

/** `active` receives; `disabled` stopped after its receiver answered 410 Gone. */
export const SubscriptionStatusSchema = z.enum(['active', 'disabled']);
export type SubscriptionStatus = z.infer<typeof SubscriptionStatusSchema>;

/** A subscription as read back: never with its secret. `categories` empty means every category. */
export const SubscriptionSchema = z.object({
  id: z.string().min(1),
  area: AreaCodeSchema,
  categories: z.array(CategoryCodeSchema),
  url: z.string().min(1),
  status: SubscriptionStatusSchema,
  createdAt: z.iso.datetime(),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

/** The answer to creating one: the only time its signing secret is shown. */
export const CreatedSubscriptionSchema = SubscriptionSchema.extend({
  secret: z.string().startsWith('whsec_'),
});
export type CreatedSubscription = z.infer<typeof CreatedSubscriptionSchema>;

/**
 * Where a delivery stands: `pending` until a 2xx (`delivered`); `dead` after the last attempt;
 * `cancelled` when its subscription was removed or disabled before it got through.
 */
export const DeliveryStatusSchema = z.enum(['pending', 'delivered', 'dead', 'cancelled']);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

/** One event for one subscription. `id` is the `webhook-id`: every attempt sends the same. */
export const DeliverySchema = z.object({
  id: z.string().min(1),
  eventId: z.string().min(1),
  subscriptionId: z.string().min(1),
  area: AreaCodeSchema,
  status: DeliveryStatusSchema,
  attempts: z.number().int().nonnegative(),
  /** When the next attempt is due (ISO 8601); null unless pending. */
  nextAttemptAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

/**
 * How one attempt ended: `delivered` (2xx), `gone` (410: the subscription is disabled), `failed`
 * (any other answer, a timeout or a network error: retried), `refused` (the target resolved to an
 * address deliveries must not reach: retried, since DNS may change back).
 */
export const AttemptOutcomeSchema = z.enum(['delivered', 'gone', 'failed', 'refused']);
export type AttemptOutcome = z.infer<typeof AttemptOutcomeSchema>;

export const DeliveryAttemptSchema = z.object({
  deliveryId: z.string().min(1),
  subscriptionId: z.string().min(1),
  attempt: z.number().int().positive(),
  attemptedAt: z.iso.datetime(),
  outcome: AttemptOutcomeSchema,
  /** The receiver's HTTP status, null when none came. */
  statusCode: z.number().int().nullable(),
  durationMs: z.number().nonnegative(),
  error: z.string().nullable(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttemptSchema>;
