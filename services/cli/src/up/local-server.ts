import { fileIngester } from '@crimestats/ingest';
import { REDACT_AUTHORIZATION, probeRoutes, replyNotFound, replyToError } from '@crimestats/http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { TokenRegistry } from '@crimestats/auth';
import { dashboardRoutes } from '@crimestats/dashboard';
import { defaultAreas, defaultCategories, type Area } from '@crimestats/domain';
import { ingestMetrics, uploadRoutes } from '@crimestats/ingest-http';
import type { SingleMachine } from '@crimestats/single-machine';
import type { Logger } from 'pino';

export interface LocalServerDeps {
  pipeline: SingleMachine;
  tokens: TokenRegistry;
  force: Area;
  policeUkForceId: string;
  maxUploadBytes: number;
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
      { level: 'warn', redact: REDACT_AUTHORIZATION },
    ) as FastifyBaseLogger,
  });
  app.setErrorHandler(replyToError);
  app.setNotFoundHandler(replyNotFound);
  const metrics = ingestMetrics();
  await app.register(probeRoutes, { metrics: metrics.registry, notReady: () => undefined });
  await app.register(uploadRoutes, {
    tokens: deps.tokens,
    metrics,
    maxUploadBytes: deps.maxUploadBytes,
    ingestFile: fileIngester({
      areas: defaultAreas,
      categories: defaultCategories,
      force: deps.force,
      sink: deps.pipeline.ingestSink,
      policeUkForceId: deps.policeUkForceId,
    }),
  });
  if (deps.reporting) await deps.reporting(app);
  // The page and its files hold no figures; the page sends its token to /v1 for every answer.
  await app.register(dashboardRoutes);
  return app;
}

// Hop-by-hop headers, and the length the outer reply works out itself.
const NOT_FORWARDED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/**
 * Answers GET (and HEAD) requests on `paths` from another Fastify app in this process, as if
 * it were mounted here: single-machine mode serves the reporting service's own app (its /v1
 * reads, its API docs) on the one port beside uploads, without a second listener. More specific
 * routes of `app` (POST /v1/uploads) keep answering themselves. `inner` is closed with `app`.
 */
export function forwardReads(
  app: FastifyInstance,
  inner: Pick<FastifyInstance, 'inject' | 'close'>,
  paths: readonly string[],
): void {
  for (const path of paths) {
    app.get(path, { logLevel: 'warn' }, async (req, reply) => {
      const answer = await inner.inject({
        method: req.method === 'HEAD' ? 'HEAD' : 'GET',
        url: req.url,
        headers: req.headers,
        remoteAddress: req.ip,
      });
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !NOT_FORWARDED.has(name)) reply.header(name, value);
      }
      return reply.code(answer.statusCode).send(answer.rawPayload);
    });
  }
  app.addHook('onClose', async () => {
    await inner.close();
  });
}
