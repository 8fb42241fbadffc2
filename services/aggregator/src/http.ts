import { probeRoutes, replyNotFound, replyToError } from '@crimestats/http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

/** Health for orchestrators and Prometheus: nothing else is served by the aggregator. */
export function buildAggregatorHttp(deps: {
  logger: Logger;
  ready: () => boolean;
  metrics: Registry;
}): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: 'http' }) as FastifyBaseLogger,
  });
  app.setErrorHandler(replyToError);
  app.setNotFoundHandler(replyNotFound);
  app.register(probeRoutes, {
    metrics: deps.metrics,
    notReady: () => (deps.ready() ? undefined : 'not consuming yet, or shutting down'),
  });
  return app;
}
