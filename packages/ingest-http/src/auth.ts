import { canLoadData, type Principal, type TokenRegistry } from '@crimestats/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who made the request, once `requireDataLoader` has let it through. */
    principal?: Principal;
  }
}

/**
 * An `onRequest` hook: only analysts load data. It runs before the body is read, so a refused
 * client's upload is never stored. The token itself is never logged, only its configured name.
 */
export function requireDataLoader(tokens: TokenRegistry) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const principal = tokens.authenticate(req.headers.authorization);
    if (!principal) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: 'an analyst token is required: send Authorization: Bearer <token>' });
    }
    if (!canLoadData(principal)) {
      req.log.warn(
        { principal: principal.name, role: principal.role },
        'upload refused: not an analyst',
      );
      return reply
        .code(403)
        .send({ error: `only analysts may upload data; this token's role is ${principal.role}` });
    }
    req.principal = principal;
    return undefined;
  };
}
