import { replyNotFound, replyToError } from './errors.ts';
import { probeRoutes } from './probes.ts';
import { addSecurityHeaders } from './security-headers.ts';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

/**
 * A worker's only HTTP face (the aggregator's, the notifier's): health for orchestrators and
 * Prometheus metrics, nothing else.
 */
export function probeServer(deps: {
  logger: Logger;
  /** Why the worker is not doing its work (not consuming, a partition stuck), or undefined. */
  notReady: () => string | undefined;
  metrics: Registry;
}): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: 'http' }) as FastifyBaseLogger,
  });
  addSecurityHeaders(app);
  app.setErrorHandler(replyToError);
  app.setNotFoundHandler(replyNotFound);
  app.register(probeRoutes, {
    metrics: deps.metrics,
    notReady: () => deps.notReady(),
  });
  return app;
}
