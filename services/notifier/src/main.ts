import { probeServer } from '@crimestats/http';
import { defaultPartitions, Topics } from '@crimestats/contracts';
import type { ReferenceData } from '@crimestats/domain';
import { connectKafka, ensureTopics, Publisher } from '@crimestats/kafka';
import { bootService, clickHouseServer, stopOnSignals } from '@crimestats/lifecycle';
import { changesFromStore, deliverySender, mailTransport } from '@crimestats/digests';
import {
  createSender,
  Dispatcher,
  type EventLinks,
  type SendWebhook,
  namesFrom,
  Notifier,
  notifierMetrics,
  startNotifierConsumer,
} from '@crimestats/notifier';
import { reportStore } from '@crimestats/reporting';
import {
  createStore,
  migrate,
  openClickHouse,
  REFERENCE_CHECK_EVERY_MS,
  ReferenceSource,
} from '@crimestats/store';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { loadNotifierConfig, type NotifierConfig } from './config.ts';

/**
 * Webhooks POSTed; email digests through CRIMESTATS_SMTP_URL. Without it an email delivery fails
 * with an error that says so (retried, then dead, and retried by hand once SMTP is set), so a
 * notifier serving only webhooks starts without mail settings.
 */
function sender(
  config: NotifierConfig,
  client: ReturnType<typeof openClickHouse>,
  links: EventLinks,
  logger: Logger,
  known: ReferenceData,
): SendWebhook {
  const reference = { ...known, forceCode: config.CRIMESTATS_FORCE };
  const mail = mailTransport({
    smtpUrl: config.CRIMESTATS_SMTP_URL,
    from: config.CRIMESTATS_MAIL_FROM,
    timeoutMs: config.NOTIFIER_TIMEOUT_MS,
  });
  if (config.CRIMESTATS_SMTP_URL === undefined) {
    logger.warn("CRIMESTATS_SMTP_URL is not set: email subscriptions' deliveries will fail");
  }
  logger.info({ email: mail.description, from: config.CRIMESTATS_MAIL_FROM }, 'email digests');
  return deliverySender({
    webhook: createSender({
      allow: config.CRIMESTATS_WEBHOOK_ALLOW_HOSTS,
      timeoutMs: config.NOTIFIER_TIMEOUT_MS,
    }),
    mail,
    from: config.CRIMESTATS_MAIL_FROM,
    reference,
    readChanges: changesFromStore(reportStore(client, config.CLICKHOUSE_DATABASE), reference),
    links,
  });
}

async function start(config: NotifierConfig, logger: Logger): Promise<void> {
  const client = openClickHouse(clickHouseServer(config));
  await migrate(client, config.CLICKHOUSE_DATABASE, logger);
  const store = createStore(client, config.CLICKHOUSE_DATABASE);
  // Areas loaded later (`crimestats reference load`) are read within a few seconds, so events
  // and digests of a force loaded after start-up name its areas.
  const references = await ReferenceSource.open(store);
  const known = references.live;
  const checkReference = setInterval(() => {
    references.refresh().then(
      (changed) => changed && logger.info('reference data read again'),
      (error: unknown) => logger.warn({ err: error }, 'could not read the reference data again'),
    );
  }, REFERENCE_CHECK_EVERY_MS).unref();
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const links = { publicUrl: config.CRIMESTATS_PUBLIC_URL };
  const dispatcher = new Dispatcher({
    store,
    send: sender(config, client, links, logger, known),
    policy: {
      baseMs: config.NOTIFIER_RETRY_BASE_MS,
      capMs: config.NOTIFIER_RETRY_CAP_MS,
      retryForMs: config.NOTIFIER_RETRY_FOR_MS,
    },
    concurrency: config.NOTIFIER_CONCURRENCY,
    logger: logger.child({ component: 'dispatcher' }),
    metrics: notifierMetrics(registry),
  });
  // Deliveries left pending by the last run go out first.
  await dispatcher.start();

  const kafka = connectKafka({
    brokers: config.KAFKA_BROKERS,
    clientId: 'crimestats-notifier',
    logger,
  });
  const topic = config.TOPIC_FIGURES_UPDATED;
  const deadLetterTopic = config.TOPIC_FIGURES_UPDATED_DEAD_LETTER;
  await ensureTopics(
    kafka,
    [
      { topic, numPartitions: defaultPartitions[Topics.figuresUpdated] ?? 1 },
      { topic: deadLetterTopic, numPartitions: 1 },
    ],
    logger,
  );
  const publisher = await Publisher.connect(kafka, logger);
  const consumer = await startNotifierConsumer({
    kafka,
    groupId: config.NOTIFIER_GROUP_ID,
    topic,
    deadLetterTopic,
    store,
    publisher,
    logger,
    notifier: (commit) =>
      new Notifier({
        store,
        names: namesFrom(known.areas, known.categories),
        links,
        queue: dispatcher,
        source: topic,
        timing: { quietMs: config.NOTIFIER_QUIET_MS, maxHoldMs: config.NOTIFIER_MAX_HOLD_MS },
        logger: logger.child({ component: 'notifier' }),
        onStored: commit,
      }),
  });
  const http = probeServer({
    logger,
    metrics: registry,
    notReady: () => {
      if (!consumer.ready()) return 'not consuming yet, or shutting down';
      const failure = consumer.notifier.failure;
      return failure === undefined
        ? undefined
        : `storing figures events failed: ${failure.message}`;
    },
  });
  await http.listen({ host: config.HOST, port: config.PORT });
  const { port } = http.server.address() as AddressInfo;
  logger.info({ topic, host: config.HOST, port }, 'notifier started');

  // Buffered notices become events and the group is left; then attempts in flight finish.
  stopOnSignals({
    logger,
    deadlineMs: config.SHUTDOWN_DEADLINE_MS,
    steps: [
      {
        name: 'stopped checking the reference data',
        run: async () => clearInterval(checkReference),
      },
      { name: 'stored buffered notices and left the consumer group', run: () => consumer.stop() },
      {
        name: 'finished attempts in flight',
        run: () => dispatcher.stop(Math.floor(config.SHUTDOWN_DEADLINE_MS / 2)),
      },
      { name: 'disconnected the producer', run: () => publisher.disconnect() },
      { name: 'closed the HTTP server', run: () => http.close() },
      { name: 'closed the ClickHouse client', run: () => client.close() },
    ],
  });
}

bootService({
  name: 'crimestats-notifier',
  loadConfig: loadNotifierConfig,
  logLevel: (config) => config.LOG_LEVEL,
  start,
});
