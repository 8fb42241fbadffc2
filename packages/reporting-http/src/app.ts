import type { TokenRegistry } from '@crimestats/auth';
import { EventTail, namesFrom } from '@crimestats/notifier';
import type { FiguresReference } from '@crimestats/reporting';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyPluginAsync,
  type FastifyRequest,
} from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { createStore, loadedReference } from '@crimestats/store';
import { requireReader } from './auth.ts';
import {
  REDACT_AUTHORIZATION,
  addSecurityHeaders,
  limitRequestRate,
  probeRoutes,
  replyNotFound,
  replyToError,
  type RateLimitSettings,
} from '@crimestats/http';
import { reportingMetrics } from './metrics.ts';
import { reportingReads, type AnswerCacheSettings, type ClickHouseClient } from './reads.ts';
import { areaChangesRoutes } from './routes/area-changes.ts';
import { areaEventsRoutes } from './routes/area-events.ts';
import { areaTrendRoutes } from './routes/area-trend.ts';
import { comparisonRoutes } from './routes/comparisons.ts';
import { packRoutes } from './routes/packs.ts';
import { registerDocs } from './routes/docs.ts';
import { storeReadiness } from './readiness.ts';
import { referenceRoutes } from './routes/reference.ts';
import { whoamiRoutes } from './routes/whoami.ts';
import { deliveryRoutes } from './routes/deliveries.ts';
import { subscriptionRoutes, type SubscriptionSettings } from './routes/subscriptions.ts';
import { atomFeedRoute } from './routes/atom-feed.ts';
import { loggedUrl } from './logged-url.ts';
import { feedRoutes } from './routes/feeds.ts';
import { unsubscribeRoutes } from './routes/unsubscribe.ts';

export interface ReportingAppDeps {
  /** Where the figures are: a server or embedded client, and the (migrated) database. */
  store: { client: ClickHouseClient; database: string };
  /**
   * Areas and categories the answers name, and the populations and force (`CRIMESTATS_FORCE`)
   * figures for windows the aggregator does not keep are computed with: the aggregator's own.
   * `defaultReference` for Derbyshire, whose one force is then the force compared.
   */
  reference: FiguresReference;
  /**
   * Awaited before each /v1 request is answered, after its token is checked: a long-running
   * service reads the store's reference again here when it changed (see ReferenceSource, whose
   * live areas `reference` then holds), so a force loaded since is known. It should not throw.
   */
  refreshReference?: () => Promise<unknown>;
  /** Who may read: every route under /v1 needs one of these tokens. */
  tokens: TokenRegistry;
  logger: Logger;
  /** Request, latency and cache metrics are registered here and served at /metrics. */
  metrics: Registry;
  /** Keep answers in memory until the store's data changes; omitted, every request reads. */
  cache?: AnswerCacheSettings | undefined;
  /** False while the process is shutting down, so /readyz says so; default always true. */
  accepting?: () => boolean;
  /**
   * More routes at the root, e.g. a dashboard's static files in single-machine mode. They are
   * outside /v1, so they are open unless the plugin adds its own checks (see `requireReader`).
   */
  extraRoutes?: FastifyPluginAsync;
  /**
   * The live event streams' source: one tail for the process, shared if the caller has one
   * (the caller then stops it). Omitted, the app makes its own over `store` and stops it on
   * close. `heartbeatMs` (default 15 s) is the quiet time between heartbeat comments.
   */
  events?: { tail: EventTail; heartbeatMs?: number } | undefined;
  /**
   * Webhook and email subscriptions and their deliveries under /v1 (the allow list, the
   * notifier's sender for pings and its retry for dead deliveries), private Atom feeds (managed
   * under /v1, read at /feeds/<token>.atom) and email's one-click unsubscribe at /unsubscribe;
   * omitted, those routes are not served at all.
   */
  subscriptions?: SubscriptionSettings | undefined;
  /**
   * Requests allowed per token holder (per address without a valid token) and window; omitted,
   * none is counted (an app answering only another, limited, server's forwarded requests).
   */
  rateLimit?: RateLimitSettings | undefined;
}

/**
 * The largest body any route reads: a subscription's or feed's JSON (at most 100 category codes)
 * or a one-click unsubscribe form. Larger is 413 before it is parsed.
 */
export const REPORTING_BODY_LIMIT = 64 * 1024;

/**
 * A request as its log lines show it: Fastify's own fields, with a feed URL's token and an
 * unsubscribe link's hidden, so the secret a link is used by never reaches a log.
 */
function loggedRequest(req: FastifyRequest) {
  return {
    method: req.method,
    url: loggedUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/**
 * The reporting service's HTTP face: /v1 answers behind bearer tokens, the OpenAPI document and
 * its page, probes and metrics. Listening and closing the store are the caller's job, so the
 * single-machine `crimestats up` can build the same app on the embedded engine.
 */
export async function buildReportingApp(deps: ReportingAppDeps) {
  const base = Fastify({
    loggerInstance: deps.logger.child(
      { component: 'http' },
      { redact: REDACT_AUTHORIZATION, serializers: { req: loggedRequest } },
    ) as FastifyBaseLogger,
    bodyLimit: REPORTING_BODY_LIMIT,
  });
  addSecurityHeaders(base);
  if (deps.rateLimit !== undefined) await limitRequestRate(base, deps.tokens, deps.rateLimit);
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(replyToError);
  app.setNotFoundHandler(replyNotFound);

  const metrics = reportingMetrics(deps.metrics);
  app.addHook('onResponse', async (req, reply) => {
    metrics.observeRequest(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: reply.statusCode },
      reply.elapsedTime / 1000,
    );
  });

  // Before any route, so the document sees them all.
  await registerDocs(base);

  const reads = reportingReads({
    client: deps.store.client,
    database: deps.store.database,
    reference: deps.reference,
    metrics,
    cache: deps.cache,
  });
  const { areas, categories } = deps.reference;
  const store = createStore(deps.store.client, deps.store.database);
  const { figureEvents } = store;
  const tail =
    deps.events?.tail ??
    new EventTail({
      store: { figureEvents },
      logger: deps.logger.child({ component: 'event-tail' }),
    });
  if (deps.events?.tail === undefined) app.addHook('onClose', async () => tail.stop());

  await app.register(probeRoutes, {
    metrics: deps.metrics,
    notReady: storeReadiness({
      checkStore: reads.check,
      accepting: deps.accepting ?? (() => true),
      timeoutMs: 2000,
    }),
  });
  await app.register(
    async (v1) => {
      v1.addHook('onRequest', requireReader(deps.tokens));
      const refresh = deps.refreshReference;
      if (refresh !== undefined) {
        v1.addHook('onRequest', async () => {
          await refresh();
        });
      }
      await v1.register(referenceRoutes, {
        areas,
        categories,
        forceCode: deps.reference.forceCode,
        loaded: () => loadedReference(store),
      });
      await v1.register(whoamiRoutes);
      await v1.register(comparisonRoutes, { areas, categories, reads });
      await v1.register(areaChangesRoutes, { areas, categories, reads });
      await v1.register(areaTrendRoutes, { areas, categories, reads });
      await v1.register(packRoutes, { areas, forceCode: deps.reference.forceCode, reads });
      await v1.register(areaEventsRoutes, {
        areas,
        tail,
        events: figureEvents,
        heartbeatMs: deps.events?.heartbeatMs ?? 15_000,
      });
      if (deps.subscriptions !== undefined) {
        const settings = deps.subscriptions;
        await v1.register(subscriptionRoutes, { store, areas, categories, settings });
        await v1.register(deliveryRoutes, { store, retry: settings.retry });
        const { publicUrl, clock } = settings;
        await v1.register(feedRoutes, { store, areas, publicUrl, clock });
      }
    },
    { prefix: '/v1' },
  );
  if (deps.subscriptions !== undefined) {
    await app.register(atomFeedRoute, {
      store,
      names: namesFrom(areas, categories),
      publicUrl: deps.subscriptions.publicUrl,
    });
    await app.register(unsubscribeRoutes, { store, areas });
  }
  if (deps.extraRoutes !== undefined) await app.register(deps.extraRoutes);
  return app;
}

export type ReportingApp = Awaited<ReturnType<typeof buildReportingApp>>;
