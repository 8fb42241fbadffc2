import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { TokenRegistry } from '@crimestats/auth';
import { defaultAreas, defaultCategories, type Area } from '@crimestats/domain';
import { fileIngester, healthRoutes, ingestMetrics, uploadRoutes } from '@crimestats/ingest-http';
import type { LocalPipeline } from '@crimestats/pipeline';
import type { Logger } from 'pino';

export interface LocalServerDeps {
  pipeline: LocalPipeline;
  tokens: TokenRegistry;
  force: Area;
  policeUkForceId: string;
  logger: Logger;
  /** The reporting API and dashboard, registered beside uploads. */
  reporting?: (app: FastifyInstance) => Promise<void>;
}

/**
 * Single-machine mode's one HTTP server: uploads (the ingest service's routes), the reporting
 * API and dashboard, health and metrics, over the in-process pipeline.
 */
export async function buildLocalServer(deps: LocalServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger.child(
      { component: 'http' },
      // Requests are logged only when something goes wrong; an analyst's terminal is not an access log.
      { level: 'warn', redact: { paths: ['req.headers.authorization'], censor: '[redacted]' } },
    ) as FastifyBaseLogger,
  });
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    return reply.code(status).send({ error: status >= 500 ? 'internal error' : error.message });
  });
  const metrics = ingestMetrics();
  await app.register(healthRoutes, { metrics, ready: () => true });
  await app.register(uploadRoutes, {
    tokens: deps.tokens,
    metrics,
    maxUploadBytes: 1024 * 1024 * 1024,
    ingestFile: fileIngester({
      areas: defaultAreas,
      categories: defaultCategories,
      force: deps.force,
      sink: deps.pipeline.ingestSink,
      policeUkForceId: deps.policeUkForceId,
    }),
  });
  if (deps.reporting) await deps.reporting(app);
  return app;
}
