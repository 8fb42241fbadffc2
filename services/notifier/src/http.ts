import { probeRoutes, replyNotFound, replyToError } from '@crimestats/http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';

/** Health for orchestrators and Prometheus: nothing else is served by the notifier. */
export function buildNotifierHttp(deps: {
  logger: Logger;
  /** Why the notifier is not doing its work (not consuming, or events failing to store). */
  notReady: () => string | undefined;
  metrics: Registry;
}): FastifyInstance {
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: 'http' }) as FastifyBaseLogger,
  });
  app.setErrorHandler(replyToError);
  app.setNotFoundHandler(replyNotFound);
  app.register(probeRoutes, { metrics: deps.metrics, notReady: () => deps.notReady() });
  return app;
}
