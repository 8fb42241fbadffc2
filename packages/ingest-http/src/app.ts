import {
  REDACT_AUTHORIZATION,
  addSecurityHeaders,
  limitRequestRate,
  probeRoutes,
  replyNotFound,
  replyToError,
  type RateLimitSettings,
} from '@crimestats/http';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import type { Logger } from 'pino';
import type { TokenRegistry } from '@crimestats/auth';
import type { FileIngester } from '@crimestats/ingest';
import type { IngestMetrics } from './metrics.ts';
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
  /** Requests allowed per token holder (per address without a valid token); omitted, none counted. */
  rateLimit?: RateLimitSettings | undefined;
}

/** The ingest service's HTTP face: uploads, probes and metrics. Listening is the caller's job. */
export async function buildIngestApp(deps: IngestAppDeps) {
  const app = Fastify({
    loggerInstance: deps.logger.child({}, { redact: REDACT_AUTHORIZATION }) as FastifyBaseLogger,
  });
  app.decorateRequest('principal', undefined);
  addSecurityHeaders(app);
  if (deps.rateLimit !== undefined) await limitRequestRate(app, deps.tokens, deps.rateLimit);

  app.setErrorHandler(replyToError);
  app.setNotFoundHandler(replyNotFound);

  app.register(probeRoutes, {
    metrics: deps.metrics.registry,
    notReady: () => (deps.ready() ? undefined : 'not connected to Kafka yet, or shutting down'),
  });
  app.register(uploadRoutes, {
    tokens: deps.tokens,
    ingestFile: deps.ingestFile,
    metrics: deps.metrics,
    maxUploadBytes: deps.maxUploadBytes,
    uploadDir: deps.uploadDir,
  });
  return app;
}

export type IngestApp = Awaited<ReturnType<typeof buildIngestApp>>;
