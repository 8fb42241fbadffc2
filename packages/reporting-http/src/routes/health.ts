import type { FastifyPluginAsync } from 'fastify';
import type { Registry } from 'prom-client';
import { atLeastWarn } from '@crimestats/http';

export interface HealthRouteDeps {
  metrics: Registry;
  /** Resolves when the figures store answers a query on its tables; throws otherwise. */
  checkStore(): Promise<void>;
  /** False while shutting down, so a balancer stops sending requests first. */
  accepting(): boolean;
  /** How long the store may take before the service counts as not ready. */
  readyTimeoutMs: number;
}

/** Probes and metrics, open to all: they say nothing about the figures. Logged only on warnings. */
export const healthRoutes: FastifyPluginAsync<HealthRouteDeps> = async (app, deps) => {
  const quiet = { logLevel: atLeastWarn(app.log.level), schema: { hide: true } };
  app.get('/healthz', quiet, async () => ({ status: 'ok' }));
  app.get('/readyz', quiet, async (req, reply) => {
    if (!deps.accepting())
      return reply.code(503).send({ status: 'not ready', error: 'shutting down' });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${deps.readyTimeoutMs} ms`)),
        deps.readyTimeoutMs,
      );
    });
    try {
      await Promise.race([deps.checkStore(), timeout]);
      return { status: 'ready' };
    } catch (error) {
      req.log.warn({ err: error }, 'not ready: the figures store did not answer');
      return reply
        .code(503)
        .send({ status: 'not ready', error: 'the figures store did not answer' });
    } finally {
      clearTimeout(timer);
    }
  });
  app.get('/metrics', quiet, async (_req, reply) =>
    reply.type(deps.metrics.contentType).send(await deps.metrics.metrics()),
  );
};
