import { probeRoutes, replyNotFound, replyToError } from '@crimestats/http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

/** Health for orchestrators and Prometheus: nothing else is served by the aggregator. */
export function buildAggregatorHttp(deps: {
  logger: Logger;
  /** Why the aggregator is not doing its work (not joined, a partition stuck), or undefined. */
  notReady: () => string | undefined;
  metrics: Registry;
}): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: 'http' }) as FastifyBaseLogger,
  });
  app.setErrorHandler(replyToError);
  app.setNotFoundHandler(replyNotFound);
  app.register(probeRoutes, {
    metrics: deps.metrics,
    notReady: () => deps.notReady(),
  });
  return app;
}
