import type { FastifyPluginAsync } from 'fastify';
import type { IngestMetrics } from '../metrics.ts';

export interface HealthRouteDeps {
  metrics: IngestMetrics;
  /** True once the producer is connected and the topics exist, false again while shutting down. */
  ready(): boolean;
}

/** Probes and metrics. They are scraped every few seconds, so they only log warnings. */
export const healthRoutes: FastifyPluginAsync<HealthRouteDeps> = async (app, deps) => {
  const quiet = { logLevel: 'warn' as const };
  app.get('/healthz', quiet, async () => ({ status: 'ok' }));
  app.get('/readyz', quiet, async (_req, reply) =>
    deps.ready()
      ? { status: 'ready' }
      : reply
          .code(503)
          .send({ status: 'not ready', error: 'not connected to Kafka yet, or shutting down' }),
  );
  app.get('/metrics', quiet, async (_req, reply) =>
    reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics()),
  );
};
