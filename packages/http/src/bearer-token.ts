import type { Principal, TokenRegistry } from '@crimestats/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { logsInfo } from './log-level.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who made the request, once `requireToken` has let it through. */
    principal?: Principal;
  }
}

export interface RequireTokenOptions {
  tokens: TokenRegistry;
  /** Whose token the route wants, for the 401: "an analyst token", "a reader token". */
  wanted: string;
  /** Why this principal may not use the route (a 403), or undefined when it may. */
  refuse?: (principal: Principal) => string | undefined;
}

/**
 * An `onRequest` hook for every route that needs a bearer token: 401 without a configured one,
 * 403 when `refuse` says so. It runs before the body is read and the query is validated, so a
 * refused client's upload is never stored and nothing about the data is told to a stranger. The
 * token itself is never logged, only its configured name.
 */
export function requireToken(opts: RequireTokenOptions) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const checked = opts.tokens.check(req.headers.authorization);
    if (!checked.ok && checked.reason === 'expired') {
      req.log.warn({ principal: checked.name }, 'expired token refused');
      // RFC 6750's code, so a client can tell a lapsed token from a mistyped one.
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer error="invalid_token", error_description="expired"')
        .send({
          error: `this token expired at ${checked.expiresAt.toISOString()}: ask for a new one`,
        });
    }
    if (!checked.ok) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: `${opts.wanted} is required: send Authorization: Bearer <token>` });
    }
    const { principal } = checked;
    const refusal = opts.refuse?.(principal);
    if (refusal !== undefined) {
      req.log.warn({ principal: principal.name, role: principal.role }, 'request refused');
      return reply.code(403).send({ error: refusal });
    }
    req.principal = principal;
    if (logsInfo(req.log.level)) {
      // Both, so the "request completed" line (logged through the reply) names the caller too.
      // Skipped when nothing per request is logged: a child logger per request is not free.
      req.log = req.log.child({ principal: principal.name });
      reply.log = req.log;
    }
    return undefined;
  };
}
