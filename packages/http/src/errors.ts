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

/**
 * A refusal a handler decides on, said to the client as it is: a bad or unknown parameter, a
 * forbidden area, a store that is down (503, logged with its cause).
 */
export class HttpError extends Error {
  override name = 'HttpError';

  constructor(
    readonly statusCode: 400 | 403 | 404 | 409 | 413 | 415 | 429 | 503,
    message: string,
    readonly parameter?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

type ValidationIssue = { instancePath: string; message?: string; params?: Record<string, unknown> };

/** The first problem of a failed schema check, named by its parameter (or body field). */
function validationAnswer(
  issues: readonly ValidationIssue[],
  allowed: readonly string[],
  what: 'parameter' | 'field',
) {
  const [issue] = issues;
  const parameter = issue?.instancePath.replace(/^\//, '').split('/')[0] ?? '';
  const keys = issue?.params?.['keys'];
  if (parameter === '' && Array.isArray(keys)) {
    const [unknown] = keys.map(String);
    return {
      error: `unknown ${what} "${unknown ?? ''}"; allowed: ${allowed.join(', ')}`,
      parameter: unknown ?? '',
    };
  }
  return { error: `${parameter}: ${issue?.message ?? 'is invalid'}`, parameter };
}

/** The names a strict query (or, when it is at fault, body) schema takes. */
function allowedNames(req: FastifyRequest, context: string | undefined): string[] {
  const schema =
    context === 'body' ? req.routeOptions.schema?.body : req.routeOptions.schema?.querystring;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/**
 * Every app's error handler. Parameters and access problems are the client's (4xx, said plainly);
 * an HttpError 5xx is logged with its cause and answered with its message; anything else is a
 * bug, logged in full and answered without detail.
 */
export function replyToError(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext;
    return reply
      .code(400)
      .send(
        validationAnswer(
          error.validation,
          allowedNames(req, context),
          context === 'body' ? 'field' : 'parameter',
        ),
      );
  }
  if (error instanceof HttpError) {
    if (error.statusCode >= 500) req.log.error({ err: error.cause ?? error }, error.message);
    return reply
      .code(error.statusCode)
      .send(
        error.parameter === undefined
          ? { error: error.message }
          : { error: error.message, parameter: error.parameter },
      );
  }
  const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
  if (status >= 500) {
    req.log.error({ err: error }, 'request failed');
    return reply.code(status).send({ error: 'internal error' });
  }
  return reply.code(status).send({ error: error.message });
}

/** Every app's answer to a path it does not serve; a long path is echoed only in part. */
export function replyNotFound(req: FastifyRequest, reply: FastifyReply) {
  return reply
    .code(404)
    .send({ error: `no route ${req.method} ${req.url.split('?')[0]?.slice(0, 200)}` });
}
