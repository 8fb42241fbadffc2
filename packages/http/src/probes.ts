import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import type { Registry } from 'prom-client';
import { atLeastWarn } from './log-level.ts';

export interface ProbeRouteDeps {
  metrics: Registry;
  /**
   * Why the process should get no work now (the 503's reason: not connected yet, shutting down, a
   * store that does not answer), or undefined when it is ready.
   */
  notReady(log: FastifyBaseLogger): Promise<string | undefined> | string | undefined;
}

/**
 * `/healthz`, `/readyz` and `/metrics`, the same in every process. Open to all: they say nothing
 * about the figures. Scraped every few seconds, so they log only warnings, and they stay out of
 * the API document.
 */
export const probeRoutes: FastifyPluginAsync<ProbeRouteDeps> = async (app, deps) => {
  const quiet = { logLevel: atLeastWarn(app.log.level), schema: { hide: true } };
  app.get('/healthz', quiet, async () => ({ status: 'ok' }));
  app.get('/readyz', quiet, async (req, reply) => {
    const reason = await deps.notReady(req.log);
    return reason === undefined
      ? { status: 'ready' }
      : reply.code(503).send({ status: 'not ready', error: reason });
  });
  app.get('/metrics', quiet, async (_req, reply) =>
    reply.type(deps.metrics.contentType).send(await deps.metrics.metrics()),
  );
};
