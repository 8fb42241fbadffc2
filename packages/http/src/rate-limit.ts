import rateLimit from '@fastify/rate-limit';
import type { TokenRegistry } from '@crimestats/auth';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

/** At most `max` requests per `windowMs` for each token holder (each address without one). */
export interface RateLimitSettings {
  max: number;
  windowMs: number;
}

// Orchestrators and Prometheus poll these from one address; they say nothing about the figures.
const PROBE_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Who a request counts against: a valid token's holder by its configured name (never the token),
 * so colleagues behind one proxy do not share a limit; anyone else (no token, a wrong or expired
 * one) by address, so guessing tokens is limited too.
 */
function holderOf(tokens: TokenRegistry) {
  return (req: FastifyRequest): string => {
    const checked = tokens.check(req.headers.authorization);
    return checked.ok ? `token:${checked.principal.name}` : `address:${req.ip}`;
  };
}

/**
 * Limits every request to the app (but the probes), as the first `onRequest` hook, before any
 * token check or body: a 429 with `Retry-After` (seconds) and the usual `{ error }` body.
 * Call before registering routes. Counts are kept in memory, per process.
 */
export async function limitRequestRate(
  app: FastifyInstance,
  tokens: TokenRegistry,
  settings: RateLimitSettings,
): Promise<void> {
  await app.register(rateLimit, { global: false });
  const seconds = Math.max(1, Math.round(settings.windowMs / 1000));
  app.addHook(
    'onRequest',
    app.rateLimit({
      max: settings.max,
      timeWindow: settings.windowMs,
      keyGenerator: holderOf(tokens),
      allowList: (req) => PROBE_PATHS.has(req.url.split('?')[0] ?? ''),
      errorResponseBuilder: (_req, context) =>
        new HttpError(
          429,
          `too many requests: at most ${context.max} every ${seconds} s for each token; ` +
            `retry after ${context.after}`,
        ),
    }),
  );
}
