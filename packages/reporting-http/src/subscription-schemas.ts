import { DeliveryAttemptSchema, DeliveryStatusSchema } from '@crimestats/contracts';
import { ErrorAnswerSchema } from '@crimestats/http';
import { MAX_PAGE } from '@crimestats/notifier';
import { z } from 'zod';

/** The parameters and refusals of the subscription and delivery routes. */

const DEFAULT_PAGE = 100;

/** `?limit=`: how many to list, newest first; 1 to 1000, default 100. */
export const LimitParamSchema = z
  .string({ error: 'expected one value' })
  .optional()
  .transform((text, ctx) => {
    if (text === undefined) return DEFAULT_PAGE;
    const limit = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
    if (limit >= 1 && limit <= MAX_PAGE) return limit;
    ctx.addIssue({
      code: 'custom',
      message: `expected a whole number from 1 to ${MAX_PAGE}, got "${text.slice(0, 40)}"`,
    });
    return z.NEVER;
  })
  .meta({
    description: `How many to list, newest first: 1 to ${MAX_PAGE} (default ${DEFAULT_PAGE})`,
  });

export const DeliveryStatusParamSchema = DeliveryStatusSchema.optional().meta({
  description: 'Only deliveries in this state',
});

/** A subscription's (`sub_…`) or delivery's (`msg_…`) id in a path. */
export const IdParamSchema = z.string().min(1).max(200);

/** What one attempt came to: the answer to a ping, and to a retry with its delivery. */
export const AttemptResultSchema = DeliveryAttemptSchema.pick({
  outcome: true,
  statusCode: true,
  durationMs: true,
  error: true,
});

/** The refusals every subscription and delivery route can give. */
export const refusals = {
  400: ErrorAnswerSchema.meta({
    description:
      'A parameter or field is malformed, names an unknown or non-CSP area or unknown category, ' +
      'or the URL is refused; says which, and why',
  }),
  401: ErrorAnswerSchema.meta({ description: 'No token, or one that is not configured' }),
  403: ErrorAnswerSchema.meta({
    description:
      "A CSP token asked about another area's subscription or delivery, or a Board token tried to change one",
  }),
  503: ErrorAnswerSchema.meta({ description: 'The store did not answer' }),
};

export const notFound = {
  404: ErrorAnswerSchema.meta({ description: 'No subscription or delivery by that id' }),
};
