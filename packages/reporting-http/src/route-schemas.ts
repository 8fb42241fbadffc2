import { z } from 'zod';
import { ErrorAnswerSchema } from '@crimestats/http';

/** A data answer's responses: JSON or CSV, and the refusals every data route can give. */
export function answerResponses(answer: z.ZodType, description: string) {
  return {
    200: {
      description,
      content: {
        'application/json': { schema: answer },
        'text/csv': { schema: z.string().meta({ description: 'The same answer as CSV' }) },
      },
    },
    400: ErrorAnswerSchema.meta({
      description: 'A parameter is malformed; says which, and what is allowed',
    }),
    401: ErrorAnswerSchema.meta({ description: 'No token, or one that is not configured' }),
    403: ErrorAnswerSchema.meta({
      description: "A CSP token asked for another area's own answers",
    }),
    404: ErrorAnswerSchema.meta({ description: 'Unknown area or category' }),
    503: ErrorAnswerSchema.meta({ description: 'The figures store did not answer' }),
  };
}

/** Every /v1 route takes a bearer token (see the security scheme). */
export const bearer = [{ bearerAuth: [] }];
