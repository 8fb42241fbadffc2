import type { AddressInfo } from 'node:net';
import { TokenRegistry } from '@crimestats/auth';
import { dashboardRoutes } from '@crimestats/dashboard';
import { changesFromStore, deliverySender, mailTransport } from '@crimestats/digests';
import { describeTarget, reportStore } from '@crimestats/reporting';
import { createSender, retryDelivery } from '@crimestats/notifier';
import {
  createStore,
  openClickHouse,
  ReferenceSource,
  type ReferenceStore,
} from '@crimestats/store';
import type { Logger } from 'pino';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { buildReportingApp } from '@crimestats/reporting-http';
import { loadReportingServiceConfig, type ReportingServiceConfig } from './config.ts';
import { bootService, stopOnSignals } from '@crimestats/lifecycle';

/** Wiring and lifecycle only: the answers are @crimestats/reporting's. */
async function start(config: ReportingServiceConfig, logger: Logger): Promise<void> {
  // The schema belongs to whoever deploys the store (the aggregator migrates it); until it is
  // there, /readyz says not ready and reads answer 503.
  const client = openClickHouse(config.clickhouse);
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics });
  const tokens = new TokenRegistry(config.tokens);
  let accepting = true;
  // Pings and manual retries of dead deliveries are sent from here; the notifier sends the rest.
  // Email goes through CRIMESTATS_SMTP_URL; without it, an email ping or retry fails saying so.
  const store = reportStore(client, config.database);
  const references = await openReference(createStore(client, config.database), logger);
  const reference = { ...references.live, forceCode: config.forceCode };
  const mail = mailTransport({ ...config.mail, timeoutMs: config.webhooks.timeoutMs });
  const send = deliverySender({
    webhook: createSender({ allow: config.webhooks.allow, timeoutMs: config.webhooks.timeoutMs }),
    mail,
    from: config.mail.from,
    reference,
    readChanges: changesFromStore(store, reference),
    links: { publicUrl: config.webhooks.publicUrl },
  });
  const app = await buildReportingApp({
    store: { client, database: config.database },
    reference,
    refreshReference: () => refreshReference(references, logger),
    tokens,
    logger,
    metrics,
    cache: config.cache,
    rateLimit: config.rateLimit,
    accepting: () => accepting,
    // The dashboard beside the API it reads, as `crimestats up` serves it.
    extraRoutes: dashboardRoutes,
    subscriptions: {
      allow: config.webhooks.allow,
      send,
      retry: (id) => retryDelivery(store, send, id),
      publicUrl: config.webhooks.publicUrl,
    },
  });
  await app.listen({ host: config.host, port: config.port }).catch(async (error: unknown) => {
    await client.close();
    throw error;
  });

  const { port } = app.server.address() as AddressInfo;
  logger.info(
    {
      host: config.host,
      port,
      store: describeTarget(config.clickhouse),
      database: config.database,
      tokens: tokens.size,
      cache: config.cache ?? 'off',
      email: mail.description,
    },
    `reporting service listening on ${config.host}:${port}`,
  );
  if (tokens.size === 0) {
    logger.warn('no tokens configured (CRIMESTATS_TOKENS): every read will be refused with 401');
  }

  stopOnSignals({
    logger,
    deadlineMs: config.shutdownDeadlineMs,
    onStopping: () => (accepting = false),
    steps: [
      { name: 'stopped answering', run: () => app.close() },
      { name: 'closed the store connection', run: () => client.close() },
    ],
  });
}

/**
 * The store's reference, read at boot and again when a request finds its revision moved (checked
 * at most every few seconds), so a force loaded later is reported on without a restart. A store
 * not migrated yet has no loaded areas: the reference in code is used, and said so, until a
 * request's check can read them.
 */
async function openReference(store: ReferenceStore, logger: Logger): Promise<ReferenceSource> {
  const source = new ReferenceSource(store);
  await source.reload().catch((error: unknown) => {
    logger.warn(
      { err: error },
      'could not read the loaded reference areas: serving the reference in code for now',
    );
  });
  return source;
}

/** Never fails a request: the reference held is served until the store answers. */
async function refreshReference(source: ReferenceSource, logger: Logger): Promise<void> {
  try {
    if (await source.refresh()) logger.info('reference data read again');
  } catch (error) {
    logger.warn({ err: error }, 'could not read the reference data again');
  }
}

bootService({
  name: 'crimestats-reporting',
  loadConfig: loadReportingServiceConfig,
  logLevel: (config) => config.logLevel,
  start,
});
