import type { FastifyInstance } from 'fastify';

const FRAME_ANCESTORS = "frame-ancestors 'none'";

/**
 * The headers `addSecurityHeaders` sets, for an answer written straight to the socket (an event
 * stream, hijacked from Fastify), which its hook never sees.
 */
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'content-security-policy': FRAME_ANCESTORS,
} as const;

/**
 * Every answer of an app, API and error answers included, is never sniffed into another type
 * and never framed: a JSON error that echoes a parameter must not become a page, and no page of
 * ours may be put inside another site's. A route's own Content-Security-Policy (the dashboard's)
 * is kept, with `frame-ancestors 'none'` added when it does not say.
 */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    const policy = reply.getHeader('content-security-policy');
    if (typeof policy !== 'string' || policy.trim() === '') {
      reply.header('content-security-policy', FRAME_ANCESTORS);
    } else if (!/(^|;)\s*frame-ancestors\s/i.test(policy)) {
      reply.header('content-security-policy', `${policy}; ${FRAME_ANCESTORS}`);
    }
    return payload;
  });
}
