import {
  CreatedSubscriptionSchema,
  DeliveryAttemptSchema,
  DeliverySchema,
  SubscriptionSchema,
} from '@crimestats/contracts';
import { ErrorAnswerSchema } from '@crimestats/http';
import { z } from 'zod';
import { UserError } from '../../user-error.ts';
import type { RunningServer } from '../report/store.ts';
import { COULD_NOT_EXIT, refusedFlag, type SubscriptionsClient } from './client.ts';

const RetriedSchema = z.object({
  delivery: DeliverySchema,
  attempt: DeliveryAttemptSchema.pick({
    outcome: true,
    statusCode: true,
    durationMs: true,
    error: true,
  }),
});

/** The answer's JSON: null for an empty body (204), undefined for anything not JSON. */
function jsonOf(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Subscriptions through a running server's API, answers checked against their schemas. A refused
 * field is the flag's usage error; any other refusal is said as the server said it (exit 1).
 */
export function serverSubscriptionsClient({ url, token }: RunningServer): SubscriptionsClient {
  async function ask<S extends z.ZodType>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    schema: S,
    body?: object,
  ): Promise<z.output<S>> {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const answer = jsonOf(text);
    if (!response.ok) {
      const refusal = ErrorAnswerSchema.safeParse(answer);
      if (refusal.success) {
        const { error, parameter } = refusal.data;
        if (response.status === 400 && parameter !== undefined) throw refusedFlag(parameter, error);
        throw new UserError(error, COULD_NOT_EXIT);
      }
    }
    const parsed = schema.safeParse(answer);
    if (!response.ok || !parsed.success) {
      throw new UserError(
        `the running server at ${url} answered ${response.status}: ${text.slice(0, 500)}`,
        COULD_NOT_EXIT,
      );
    }
    return parsed.data;
  }
  const id = (value: string) => encodeURIComponent(value);
  return {
    add: (input) => ask('POST', '/v1/subscriptions', CreatedSubscriptionSchema, input),
    list: async (area) => {
      const query = area === undefined ? '' : `?${new URLSearchParams({ area })}`;
      const schema = z.object({ subscriptions: z.array(SubscriptionSchema) });
      return (await ask('GET', `/v1/subscriptions${query}`, schema)).subscriptions;
    },
    remove: async (subscription) => {
      await ask('DELETE', `/v1/subscriptions/${id(subscription)}`, z.null());
    },
    deliveries: async ({ status, limit }) => {
      const params = new URLSearchParams({ limit: String(limit) });
      if (status !== undefined) params.set('status', status);
      const schema = z.object({ deliveries: z.array(DeliverySchema) });
      return (await ask('GET', `/v1/deliveries?${params}`, schema)).deliveries;
    },
    retry: (delivery) => ask('POST', `/v1/deliveries/${id(delivery)}/retry`, RetriedSchema),
  };
}
