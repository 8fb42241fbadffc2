import { DeliverySchema } from '@crimestats/contracts';
import { cspAreaOf } from '@crimestats/auth';
import { HttpError } from '@crimestats/http';
import {
  listDeliveries,
  retryDeadDelivery,
  type RetryDelivery,
  type SubscriptionStore,
} from '@crimestats/notifier';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorizeManage, refuseReadOnly } from '../auth.ts';
import { bearer } from '../route-schemas.ts';
import { noSuch, storeCall } from '../store-calls.ts';
import {
  AttemptResultSchema,
  DeliveryStatusParamSchema,
  IdParamSchema,
  LimitParamSchema,
  notFound,
  refusals,
} from '../subscription-schemas.ts';
import { ErrorAnswerSchema } from '@crimestats/http';

export interface DeliveryRouteDeps {
  store: SubscriptionStore;
  retry: RetryDelivery;
}

/** Deliveries: where each event stands for each subscription, and a dead one retried by hand. */
export const deliveryRoutes: FastifyPluginAsyncZod<DeliveryRouteDeps> = async (app, deps) => {
  app.get(
    '/deliveries',
    {
      schema: {
        summary: 'Deliveries, newest first',
        description:
          '`status=dead` lists the dead letters: deliveries whose every attempt failed. A CSP ' +
          "token sees its own area's only.",
        tags: ['subscriptions'],
        security: bearer,
        querystring: z.strictObject({ status: DeliveryStatusParamSchema, limit: LimitParamSchema }),
        response: {
          200: z
            .object({ deliveries: z.array(DeliverySchema) })
            .meta({ description: 'The deliveries' }),
          ...refusals,
        },
      },
    },
    async (req) => {
      const own = req.principal && cspAreaOf(req.principal);
      const deliveries = await storeCall(() =>
        listDeliveries(deps.store, {
          status: req.query.status,
          areas: own === undefined ? undefined : [own],
          limit: req.query.limit,
        }),
      );
      return { deliveries };
    },
  );

  app.post(
    '/deliveries/:id/retry',
    {
      onRequest: refuseReadOnly,
      schema: {
        summary: 'Retry a dead delivery now',
        description:
          'One more attempt, with the same `webhook-id` and body. Only a dead delivery: 409 for ' +
          'one that is pending, delivered or cancelled. 200 whatever the receiver answered.',
        tags: ['subscriptions'],
        security: bearer,
        params: z.object({ id: IdParamSchema }),
        response: {
          200: z
            .object({ delivery: DeliverySchema, attempt: AttemptResultSchema })
            .meta({ description: 'The delivery as it now stands, and how the attempt went' }),
          ...refusals,
          ...notFound,
          409: ErrorAnswerSchema.meta({ description: 'The delivery is not dead' }),
        },
      },
    },
    async (req) => {
      const { id } = req.params;
      const outcome = await storeCall(() =>
        retryDeadDelivery(deps.store, deps.retry, id, (delivery) =>
          authorizeManage(req.principal, delivery.area),
        ),
      );
      if (outcome.kind === 'unknown') throw noSuch('delivery', id);
      if (outcome.kind === 'not-dead') {
        throw new HttpError(
          409,
          `delivery ${id} is ${outcome.delivery.status}; only a dead delivery can be retried`,
        );
      }
      return { delivery: outcome.delivery, attempt: outcome.attempt };
    },
  );
};
