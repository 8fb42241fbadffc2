import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** What every error answer looks like. */
export const ErrorAnswerSchema = z.object({
  error: z.string(),
  /** The query or path parameter at fault, for a 400. */
  parameter: z.string().optional(),
});
export type ErrorAnswer = z.infer<typeof ErrorAnswerSchema>;

/** A refusal a handler decides on: a bad or unknown parameter, or a forbidden area. */
export class ReportRequestError extends Error {
  override name = 'ReportRequestError';

  constructor(
    readonly statusCode: 400 | 403 | 404,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

/** The figures store did not answer (down, or not set up): the request may succeed later. */
export class StoreReadError extends Error {
  override name = 'StoreReadError';
}

type ValidationIssue = { instancePath: string; message?: string; params?: Record<string, unknown> };

/** The first problem of a failed schema check, named by its parameter. */
function validationAnswer(issues: readonly ValidationIssue[], allowed: readonly string[]) {
  const [issue] = issues;
  const parameter = issue?.instancePath.replace(/^\//, '').split('/')[0] ?? '';
  const keys = issue?.params?.['keys'];
  if (parameter === '' && Array.isArray(keys)) {
    const [unknown] = keys.map(String);
    return {
      error: `unknown parameter "${unknown ?? ''}"; allowed: ${allowed.join(', ')}`,
      parameter: unknown ?? '',
    };
  }
  return { error: `${parameter}: ${issue?.message ?? 'is invalid'}`, parameter };
}

function allowedParameters(req: FastifyRequest): string[] {
  const schema = req.routeOptions.schema?.querystring;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/**
 * Parameters and access problems are the client's (4xx, said plainly); a store that does not
 * answer is a 503; anything else is a bug, logged in full and answered without detail.
 */
export function replyToError(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    return reply.code(400).send(validationAnswer(error.validation, allowedParameters(req)));
  }
  if (error instanceof ReportRequestError) {
    return reply
      .code(error.statusCode)
      .send(
        error.parameter === undefined
          ? { error: error.message }
          : { error: error.message, parameter: error.parameter },
      );
  }
  if (error instanceof StoreReadError) {
    req.log.error({ err: error.cause ?? error }, 'figures store read failed');
    return reply.code(503).send({ error: error.message });
  }
  const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
  if (status >= 500) {
    req.log.error({ err: error }, 'request failed');
    return reply.code(status).send({ error: 'internal error' });
  }
  return reply.code(status).send({ error: error.message });
}
