import Fastify, { type FastifyError } from 'fastify';
import type { Logger } from 'pino';
import type { TokenRegistry } from '@crimestats/auth';
import type { FileIngester } from './ingest-file.ts';
import type { IngestMetrics } from './metrics.ts';
import { healthRoutes } from './routes/health.ts';
import { uploadRoutes } from './routes/uploads.ts';

export interface IngestAppDeps {
  logger: Logger;
  tokens: TokenRegistry;
  ingestFile: FileIngester;
  metrics: IngestMetrics;
  maxUploadBytes: number;
  /** Where uploads are stored while they are ingested (default: the system's temporary folder). */
  uploadDir?: string;
  ready(): boolean;
}

/** The ingest service's HTTP face: uploads, probes and metrics. Listening is the caller's job. */
export function buildIngestApp(deps: IngestAppDeps) {
  const app = Fastify({
    // Fastify's request serializer leaves headers out; the redaction is for anything that adds them.
    loggerInstance: deps.logger.child(
      {},
      {
        redact: {
          paths: ['req.headers.authorization', 'headers.authorization'],
          censor: '[redacted]',
        },
      },
    ),
  });
  app.decorateRequest('principal', undefined);

  app.setErrorHandler((error: FastifyError, req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    return reply.code(status).send({ error: status >= 500 ? 'internal error' : error.message });
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ error: `no route ${req.method} ${req.url.split('?')[0]}` }),
  );

  app.register(healthRoutes, { metrics: deps.metrics, ready: deps.ready });
  app.register(uploadRoutes, {
    tokens: deps.tokens,
    ingestFile: deps.ingestFile,
    metrics: deps.metrics,
    maxUploadBytes: deps.maxUploadBytes,
    uploadDir: deps.uploadDir,
  });
  return app;
}

export type IngestApp = ReturnType<typeof buildIngestApp>;
