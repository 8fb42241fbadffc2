import { fileIngester } from '@crimestats/ingest';
import {
  REDACT_AUTHORIZATION,
  addSecurityHeaders,
  limitRequestRate,
  probeRoutes,
  replyNotFound,
  replyToError,
  type RateLimitSettings,
} from '@crimestats/http';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { TokenRegistry } from '@crimestats/auth';
import { dashboardRoutes } from '@crimestats/dashboard';
import type { Area } from '@crimestats/domain';
import { ingestMetrics, uploadRoutes } from '@crimestats/ingest-http';
import type { SingleMachine } from '@crimestats/single-machine';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { referenceUploadRoutes } from './reference-uploads.ts';

export interface LocalServerDeps {
  pipeline: SingleMachine;
  tokens: TokenRegistry;
  force: Area;
  maxUploadBytes: number;
  /**
   * Requests per token holder (per address without a valid token) and window; counted here
   * only, as the reporting app answers this server's forwarded requests.
   */
  rateLimit?: RateLimitSettings | undefined;
  logger: Logger;
  /** More metrics served at /metrics beside the uploads' (the webhook dispatcher's). */
  metrics?: Registry;
  /** The reporting API and dashboard, registered beside uploads. */
  reporting?: (app: FastifyInstance) => Promise<void>;
}

/** The largest JSON body (a subscription or a feed) the server reads. */
export const LOCAL_JSON_BODY_LIMIT = 64 * 1024;

/**
 * Single-machine mode's one HTTP server: uploads (the ingest service's routes) and reference
 * loads, the reporting API and dashboard, health and metrics, over the in-process pipeline.
 */
export async function buildLocalServer(deps: LocalServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger.child(
      { component: 'http' },
      // Requests are logged only when something goes wrong; an analyst's terminal is not an access log.
      { level: 'warn', redact: REDACT_AUTHORIZATION },
    ) as FastifyBaseLogger,
    // Uploads are streams with their own limit (maxUploadBytes); this bounds the JSON bodies
    // forwarded to the reporting app (a subscription or a feed), as that app itself does.
    bodyLimit: LOCAL_JSON_BODY_LIMIT,
  });
  addSecurityHeaders(app);
  if (deps.rateLimit !== undefined) await limitRequestRate(app, deps.tokens, deps.rateLimit);
  app.setErrorHandler(replyToError);
  app.setNotFoundHandler(replyNotFound);
  const metrics = ingestMetrics();
  const served =
    deps.metrics === undefined
      ? metrics.registry
      : Registry.merge([metrics.registry, deps.metrics]);
  await app.register(probeRoutes, { metrics: served, notReady: () => undefined });
  await app.register(uploadRoutes, {
    tokens: deps.tokens,
    metrics,
    maxUploadBytes: deps.maxUploadBytes,
    ingestFile: fileIngester({
      areas: deps.pipeline.reference.areas,
      categories: deps.pipeline.reference.categories,
      force: deps.force,
      sink: deps.pipeline.ingestSink,
    }),
  });
  await app.register(referenceUploadRoutes, {
    tokens: deps.tokens,
    pipeline: deps.pipeline,
    maxUploadBytes: deps.maxUploadBytes,
  });
  if (deps.reporting) await deps.reporting(app);
  // The page and its files hold no figures; the page sends its token to /v1 for every answer.
  await app.register(dashboardRoutes);
  return app;
}

// Hop-by-hop headers, and the length the outer reply works out itself.
const NOT_FORWARDED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);

type Inner = Pick<FastifyInstance, 'inject' | 'close'>;

/** Answers a request from another Fastify app in this process, as if it were mounted here. */
function forwardTo(inner: Inner) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const headers = { ...req.headers };
    // The body is sent again as parsed (JSON), so its length may differ.
    delete headers['content-length'];
    const answer = await inner.inject({
      method: req.method === 'HEAD' ? 'HEAD' : (req.method as 'GET' | 'POST' | 'DELETE'),
      url: req.url,
      headers,
      remoteAddress: req.ip,
      ...(req.body === undefined
        ? {}
        : { payload: typeof req.body === 'string' ? req.body : JSON.stringify(req.body) }),
    });
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value !== undefined && !NOT_FORWARDED.has(name)) reply.header(name, value);
    }
    return reply.code(answer.statusCode).send(answer.rawPayload);
  };
}

/**
 * Answers GET (and HEAD) requests on `paths` from another Fastify app in this process, as if
 * it were mounted here: single-machine mode serves the reporting service's own app (its /v1
 * reads, its API docs) on the one port beside uploads, without a second listener. More specific
 * routes of `app` (POST /v1/uploads) keep answering themselves. `inner` is closed with `app`.
 */
export function forwardReads(app: FastifyInstance, inner: Inner, paths: readonly string[]): void {
  for (const path of paths) app.get(path, { logLevel: 'warn' }, forwardTo(inner));
  app.addHook('onClose', async () => {
    await inner.close();
  });
}

/**
 * Forwards POST and DELETE requests on `paths` (JSON bodies) to `inner` the same way: the
 * reporting app's subscription routes. Call `forwardReads` too, which closes `inner`.
 */
export function forwardChanges(app: FastifyInstance, inner: Inner, paths: readonly string[]): void {
  for (const path of paths) {
    app.route({
      method: ['POST', 'DELETE'],
      url: path,
      logLevel: 'warn',
      handler: forwardTo(inner),
    });
  }
}

/**
 * Forwards POSTs of form bodies on `paths` as they came: the reporting app's one-click
 * unsubscribe, which mail clients POST as `List-Unsubscribe=One-Click`. Call `forwardReads` too.
 */
export async function forwardForms(
  app: FastifyInstance,
  inner: Inner,
  paths: readonly string[],
): Promise<void> {
  await app.register(async (scope) => {
    // Only these routes take forms; the rest of the server still refuses them.
    scope.addContentTypeParser(
      ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'],
      { parseAs: 'string', bodyLimit: 4096 },
      (_req, body, done) => done(null, body),
    );
    for (const path of paths) {
      scope.post(path, { logLevel: 'warn' }, forwardTo(inner));
    }
  });
}
