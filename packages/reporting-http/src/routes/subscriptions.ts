import {
  CreatedSubscriptionSchema,
  DeliveryAttemptSchema,
  // Unknown fields are refused by name, so a typo (`category`) never subscribes to everything.
  NewSubscriptionBodySchema,
  SubscriptionSchema,
} from '@crimestats/contracts';
import { cspAreaOf } from '@crimestats/auth';
import type { AreaRegistry, CategoryTaxonomy } from '@crimestats/domain';
import {
  createSubscription,
  getSubscription,
  listSubscriptions,
  namesFrom,
  pingSubscription,
  removeSubscription,
  subscribableArea,
  subscriptionAttempts,
  type RetryDelivery,
  type SendWebhook,
  type SubscriptionStore,
} from '@crimestats/notifier';
import { AreaCodeParamSchema } from '@crimestats/reporting';
import type { AllowList } from '@crimestats/webhooks';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeManage, authorizeSubscriptionRead, refuseReadOnly } from '../auth.ts';
import { bearer } from '../route-schemas.ts';
import { checkedInput, noSuch, storeCall } from '../store-calls.ts';
import { IdParamSchema, LimitParamSchema, notFound, refusals } from '../subscription-schemas.ts';

/** What the subscription routes need beyond the store: `buildReportingApp`'s `subscriptions`. */
export interface SubscriptionSettings {
  /** Receivers allowed beyond the public internet (CRIMESTATS_WEBHOOK_ALLOW_HOSTS). */
  allow: AllowList;
  /** Sends one signed attempt (pings); the notifier's sender. */
  send: SendWebhook;
  /** Re-sends a dead delivery now; the notifier's retry. */
  retry: RetryDelivery;
  /** The address a ping's links point at; the address the request came to when omitted. */
  publicUrl?: string | undefined;
  clock?: (() => Date) | undefined;
}

export interface SubscriptionRouteDeps {
  store: SubscriptionStore;
  areas: AreaRegistry;
  categories: CategoryTaxonomy;
  settings: SubscriptionSettings;
}

const params = z.object({ id: IdParamSchema });

/** Webhook subscriptions: make, list, read, remove and ping them. */
export const subscriptionRoutes: FastifyPluginAsyncZod<SubscriptionRouteDeps> = async (
  app,
  deps,
) => {
  const { store, settings } = deps;
  const names = namesFrom(deps.areas, deps.categories);
  const publicUrl = (req: FastifyRequest): string =>
    settings.publicUrl ?? `${req.protocol}://${req.host}`;

  /** The subscription by id, or a 404; then a 403 unless the caller may read it. */
  async function readable(req: FastifyRequest, id: string) {
    const subscription = await storeCall(() => getSubscription(store, id));
    if (subscription === undefined) throw noSuch('subscription', id);
    authorizeSubscriptionRead(req.principal, subscription.area);
    return subscription;
  }

  /** As `readable`, for a change: a 403 unless the caller may manage its area. */
  async function manageable(req: FastifyRequest, id: string) {
    const subscription = await storeCall(() => getSubscription(store, id));
    if (subscription === undefined) throw noSuch('subscription', id);
    authorizeManage(req.principal, subscription.area);
    return subscription;
  }

  app.post(
    '/subscriptions',
    {
      onRequest: refuseReadOnly,
      schema: {
        summary: "Subscribe a webhook URL or an email address to one CSP area's figures",
        description:
          'Exactly one of `url` (a webhook) or `email` (one digest per load, with one-click ' +
          "unsubscribe). A webhook's answer holds its signing secret (`whsec_…`), shown this " +
          "once only; an email subscription's answer has `email` and no secret. `categories` " +
          'limits events to those categories (every category when omitted). The URL must be ' +
          'https (http only to a host the operator allows) without credentials, and an address ' +
          'written in it must be public unless allowed: loopback, private, link-local, CGNAT, ' +
          'multicast and unspecified addresses are refused in any spelling. Analysts subscribe ' +
          'any area; a CSP token only its own; the Board cannot.',
        tags: ['subscriptions'],
        security: bearer,
        body: NewSubscriptionBodySchema,
        response: {
          201: CreatedSubscriptionSchema.meta({ description: 'The subscription, with its secret' }),
          ...refusals,
        },
      },
    },
    async (req, reply) => {
      const area = checkedInput(() => subscribableArea(deps.areas, req.body.area));
      authorizeManage(req.principal, area);
      const created = await storeCall(() =>
        createSubscription(store, req.body, {
          allow: settings.allow,
          areas: deps.areas,
          categories: deps.categories,
          clock: settings.clock,
        }),
      );
      return reply
        .code(201)
        .header('location', `/v1/subscriptions/${encodeURIComponent(created.id)}`)
        .send(created);
    },
  );

  app.get(
    '/subscriptions',
    {
      schema: {
        summary: 'The subscriptions, oldest first',
        description:
          "Analysts and the Board see every area's (one area's with `area`); a CSP token sees its " +
          "own area's only. Never with their secrets.",
        tags: ['subscriptions'],
        security: bearer,
        querystring: z.strictObject({ area: AreaCodeParamSchema.optional() }),
        response: {
          200: z
            .object({ subscriptions: z.array(SubscriptionSchema) })
            .meta({ description: 'The subscriptions' }),
          ...refusals,
        },
      },
    },
    async (req) => {
      const asked = req.query.area;
      const area =
        asked === undefined ? undefined : checkedInput(() => subscribableArea(deps.areas, asked));
      if (area !== undefined) authorizeSubscriptionRead(req.principal, area);
      const own = req.principal && cspAreaOf(req.principal);
      const subscriptions = await storeCall(() => listSubscriptions(store, area ?? own));
      return { subscriptions };
    },
  );

  app.get(
    '/subscriptions/:id',
    {
      schema: {
        summary: 'One subscription, without its secret',
        description: "A CSP token asking for another area's subscription is refused (403).",
        tags: ['subscriptions'],
        security: bearer,
        params,
        response: {
          200: SubscriptionSchema.meta({ description: 'The subscription' }),
          ...refusals,
          ...notFound,
        },
      },
    },
    async (req) => readable(req, req.params.id),
  );

  app.delete(
    '/subscriptions/:id',
    {
      onRequest: refuseReadOnly,
      schema: {
        summary: 'Remove a subscription for good',
        description: 'Deliveries it still had open are cancelled when they come due.',
        tags: ['subscriptions'],
        security: bearer,
        params,
        response: {
          204: z.null().meta({ description: 'Removed' }),
          ...refusals,
          ...notFound,
        },
      },
    },
    async (req, reply) => {
      await manageable(req, req.params.id);
      await storeCall(() => removeSubscription(store, req.params.id));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/subscriptions/:id/ping',
    {
      onRequest: refuseReadOnly,
      schema: {
        summary: 'Send the subscription a signed test event now',
        description:
          'A `ping` event (the area, no periods, the links) with a fresh `webhook-id`, sent once ' +
          "and recorded with the subscription's attempts. The answer is how it went: 200 " +
          'whatever the receiver answered. It never changes the subscription.',
        tags: ['subscriptions'],
        security: bearer,
        params,
        response: {
          200: DeliveryAttemptSchema.meta({ description: 'The attempt' }),
          ...refusals,
          ...notFound,
        },
      },
    },
    async (req) => {
      await manageable(req, req.params.id);
      const attempt = await storeCall(() =>
        pingSubscription(store, settings.send, req.params.id, {
          names,
          links: { publicUrl: publicUrl(req) },
          clock: settings.clock,
        }),
      );
      // Removed between the check and the ping.
      if (attempt === undefined) throw noSuch('subscription', req.params.id);
      return attempt;
    },
  );

  app.get(
    '/subscriptions/:id/deliveries',
    {
      schema: {
        summary: "The subscription's delivery attempts, newest first",
        description: 'Every attempt of every delivery, pings included.',
        tags: ['subscriptions'],
        security: bearer,
        params,
        querystring: z.strictObject({ limit: LimitParamSchema }),
        response: {
          200: z
            .object({ attempts: z.array(DeliveryAttemptSchema) })
            .meta({ description: 'The attempts' }),
          ...refusals,
          ...notFound,
        },
      },
    },
    async (req) => {
      await readable(req, req.params.id);
      const attempts = await storeCall(() =>
        subscriptionAttempts(store, req.params.id, req.query.limit),
      );
      return { attempts };
    },
  );
};
