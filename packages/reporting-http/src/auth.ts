import { cspAreaOf, type Principal, type TokenRegistry } from '@crimestats/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ReportRequestError } from './errors.ts';
import { logsInfo } from './log-level.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who made the request, once `requireReader` has let it through. */
    principal?: Principal;
  }
}

/**
 * An `onRequest` hook: every data read needs a configured token, whatever its role. Runs before
 * the query is validated, so nothing about the data or its parameters is told to a stranger.
 * The token is never logged, only its configured name.
 */
export function requireReader(tokens: TokenRegistry) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const principal = tokens.authenticate(req.headers.authorization);
    if (!principal) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: 'a reader token is required: send Authorization: Bearer <token>' });
    }
    req.principal = principal;
    if (logsInfo(req.log.level)) {
      // Both, so the "request completed" line (logged through the reply) names the reader too.
      // Skipped when nothing per request is logged: a child logger per request is not free.
      req.log = req.log.child({ principal: principal.name });
      reply.log = req.log;
    }
    return undefined;
  };
}

/**
 * Whether a principal may read one area's own answers (its changes and trend). Analysts and the
 * Board read every area; a district CSP reads only its own. The all-area comparison is open to
 * every reader: the plan itself sets every area side by side.
 */
export function mayReadArea(principal: Principal, areaCode: string): boolean {
  const own = cspAreaOf(principal);
  return own === undefined || own === areaCode;
}

/** A 403 unless the principal may read this area's own answers (see `mayReadArea`). */
export function authorizeArea(principal: Principal | undefined, areaCode: string): void {
  if (principal === undefined || !mayReadArea(principal, areaCode)) {
    throw new ReportRequestError(
      403,
      `this token (role ${principal?.role ?? 'none'}) may read only its own area's changes and ` +
        `trend, not ${areaCode}'s`,
    );
  }
}
