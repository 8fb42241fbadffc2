import { AreaCodeSchema, CategoryCodeSchema } from '@crimestats/domain';
import { z } from 'zod';

const SubscribedCategoriesSchema = z.array(CategoryCodeSchema).min(1).max(100).optional();

/** `POST /v1/subscriptions` for a webhook: an area's figures POSTed to a URL. */
export const NewWebhookSubscriptionSchema = z.object({
  area: AreaCodeSchema,
  url: z.string().min(1).max(2048),
  categories: SubscribedCategoriesSchema,
});

/** `POST /v1/subscriptions` for email: one digest of an area's figures per load. */
export const NewEmailSubscriptionSchema = z.object({
  area: AreaCodeSchema,
  email: z.email().max(254),
  categories: SubscribedCategoriesSchema,
});

/**
 * A new subscription: exactly one of `url` (a webhook) or `email`, told apart by which is there;
 * every category when none given.
 */
export const NewSubscriptionSchema = z.union([
  NewWebhookSubscriptionSchema,
  NewEmailSubscriptionSchema,
]);
export type NewSubscription = z.infer<typeof NewSubscriptionSchema>;

/**
 * The body `POST /v1/subscriptions` takes, field by field, so that a refusal names its field;
 * exactly one of `url` and `email` must be there.
 */
export const NewSubscriptionBodySchema = z
  .strictObject({
    area: AreaCodeSchema,
    url: NewWebhookSubscriptionSchema.shape.url.optional(),
    email: NewEmailSubscriptionSchema.shape.email.optional(),
    categories: SubscribedCategoriesSchema,
  })
  .superRefine((body, ctx) => {
    if ((body.url === undefined) !== (body.email === undefined)) return;
    ctx.addIssue({
      code: 'custom',
      path: [body.url === undefined ? 'url' : 'email'],
      message: 'give exactly one of url (a webhook) or email',
    });
  });
export type NewSubscriptionBody = z.infer<typeof NewSubscriptionBodySchema>;

/** `active` receives; `disabled` stopped after its receiver answered 410 Gone. */
export const SubscriptionStatusSchema = z.enum(['active', 'disabled']);
export type SubscriptionStatus = z.infer<typeof SubscriptionStatusSchema>;

const subscriptionFields = {
  id: z.string().min(1),
  area: AreaCodeSchema,
  categories: z.array(CategoryCodeSchema),
  status: SubscriptionStatusSchema,
  createdAt: z.iso.datetime(),
};

/** A webhook subscription as read back: never with its secret. */
export const WebhookSubscriptionSchema = z.object({
  ...subscriptionFields,
  url: z.string().min(1),
});

/** An email subscription as read back: the address its digests go to. */
export const EmailSubscriptionSchema = z.object({
  ...subscriptionFields,
  email: z.string().min(1),
});

/**
 * A subscription as read back: a webhook's has `url`, an email one's `email`; never a secret.
 * `categories` empty means every category.
 */
export const SubscriptionSchema = z.union([WebhookSubscriptionSchema, EmailSubscriptionSchema]);
export type Subscription = z.infer<typeof SubscriptionSchema>;
export type WebhookSubscription = z.infer<typeof WebhookSubscriptionSchema>;
export type EmailSubscription = z.infer<typeof EmailSubscriptionSchema>;

/**
 * The answer to creating one. A webhook's is the only time its signing secret is shown; an email
 * subscription's secret signs its unsubscribe links and is never shown.
 */
export const CreatedSubscriptionSchema = z.union([
  WebhookSubscriptionSchema.extend({ secret: z.string().startsWith('whsec_') }),
  EmailSubscriptionSchema,
]);
export const CreatedWebhookSubscriptionSchema = CreatedSubscriptionSchema.options[0];
export type CreatedWebhookSubscription = z.infer<typeof CreatedWebhookSubscriptionSchema>;
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
