import { Command } from 'commander';
import { stopOnSignals, terminalLogger } from '@crimestats/lifecycle';
import { ensureLocalToken, parseTokenEntries, TokenRegistry } from '@crimestats/auth';
import { expandInputs, ingestSources } from '@crimestats/ingest';
import {
  openSingleMachine,
  removeServerInfoSync,
  runningServer,
  SAMPLE_FILE,
  writeServerInfo,
} from '@crimestats/single-machine';
import { reportStore } from '@crimestats/reporting';
import { buildReportingApp } from '@crimestats/reporting-http';
import { Dispatcher, notifierMetrics } from '@crimestats/notifier';
import { Registry } from 'prom-client';
import { loadCliConfig } from '../config.ts';
import {
  buildLocalServer,
  forwardChanges,
  forwardForms,
  forwardReads,
} from '../up/local-server.ts';
import { webhookDelivery } from '../webhook-delivery.ts';
import { UserError } from '../user-error.ts';

/** The reporting app's routes that change subscriptions and feeds, served on `up`'s one port too. */
export const SUBSCRIPTION_CHANGES = [
  '/v1/subscriptions',
  '/v1/subscriptions/*',
  '/v1/deliveries/*',
  '/v1/feeds',
  '/v1/feeds/*',
];

/** The reporting app's reads served on `up`'s one port: its API, its docs, and the Atom feeds. */
export const REPORTING_READS = ['/v1/*', '/openapi.json', '/docs', '/docs/*', '/feeds/*'];
/** Email's one-click unsubscribe, outside /v1 and open: the link's token is the proof. */
export const UNSUBSCRIBE = ['/unsubscribe/*'];

export function upCommand(): Command {
  return new Command('up')
    .description(
      'run the whole pipeline and the reporting service on this machine (single-machine mode)',
    )
    .option('--port <port>', 'port to listen on (default 8080, or CRIMESTATS_PORT)')
    .option('--no-sample', 'do not load the bundled sample into an empty store')
    .action(async (flags: { port?: string; sample: boolean }) => {
      const config = loadCliConfig();
      if (config.mode === 'distributed') {
        throw new UserError(
          'up runs single-machine mode; with KAFKA_BROKERS or CLICKHOUSE_URL set, run the services (docker compose up) instead',
        );
      }
      const port = flags.port === undefined ? config.port : Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new UserError(`--port must be a port number, not "${flags.port}"`);
      }
      const already = await runningServer(config.home);
      if (already) throw new UserError(`already running at ${already.url} (pid ${already.pid})`);
      // What `up` does is worth seeing: at the default level, its own progress lines show too.
      const logger = terminalLogger(
        'crimestats-up',
        config.logLevel === 'warn' ? 'info' : config.logLevel,
      );
      // Events link to this server's own address once it listens, unless one is configured.
      const links = { publicUrl: config.publicUrl ?? `http://${config.host}:${port}` };
      const pipeline = await openSingleMachine({
        home: config.home,
        database: config.database,
        forceCode: config.forceCode,
        logger,
        events: {
          links,
          timing: { quietMs: config.notifier.quietMs, maxHoldMs: config.notifier.maxHoldMs },
        },
      });
      // The store's reference: the one in code with the areas loaded by `reference load`.
      const { reference } = pipeline;
      const force = reference.areas.byCode(config.forceCode);
      if (!force) {
        await pipeline.close();
        throw new UserError(`CRIMESTATS_FORCE ${config.forceCode} is not a known area`);
      }
      const metrics = new Registry();
      const delivery = webhookDelivery(config, links, reference);
      const figures = reportStore(pipeline.client, pipeline.database);
      const send = delivery.sendFrom(figures);
      const dispatcher = new Dispatcher({
        store: pipeline.store,
        send,
        policy: config.notifier.retry,
        concurrency: config.notifier.concurrency,
        logger: logger.child({ component: 'dispatcher' }, { level: 'warn' }),
        metrics: notifierMetrics(metrics),
      });
      // Deliveries left pending (by the last run, or by a one-shot ingest) go out first.
      await dispatcher.start();
      pipeline.deliverTo(dispatcher);
      if (flags.sample && !(await pipeline.store.monthlyRecords.monthRange())) {
        logger.info({ file: SAMPLE_FILE }, 'empty store: loading the bundled sample');
        const report = await ingestSources(await expandInputs([SAMPLE_FILE]), {
          areas: reference.areas,
          categories: reference.categories,
          force,
          sink: pipeline.ingestSink,
        });
        if (!report.ok)
          throw new Error(`the bundled sample was refused: ${JSON.stringify(report.files)}`);
      }
      const local = await ensureLocalToken(config.home);
      const tokens = new TokenRegistry([local.entry, ...parseTokenEntries(config.tokens)]);
      const app = await buildLocalServer({
        pipeline,
        tokens,
        force,
        maxUploadBytes: config.maxUploadBytes,
        rateLimit: config.rateLimit,
        logger,
        metrics,
        // The reporting service's own app over the embedded store, on this server's port.
        reporting: async (server) => {
          const reporting = await buildReportingApp({
            store: { client: pipeline.client, database: pipeline.database },
            // The pipeline's own reference and force, for windows it does not keep.
            reference: { ...reference, forceCode: config.forceCode },
            tokens,
            // As for uploads: only warnings and errors reach the analyst's terminal.
            logger: logger.child({}, { level: 'warn' }),
            metrics: new Registry(),
            subscriptions: {
              allow: config.webhookAllow,
              send,
              retry: delivery.retry(figures),
              ...(config.publicUrl === undefined ? {} : { publicUrl: config.publicUrl }),
            },
          });
          forwardReads(server, reporting, [...REPORTING_READS, ...UNSUBSCRIBE]);
          forwardChanges(server, reporting, SUBSCRIPTION_CHANGES);
          await forwardForms(server, reporting, UNSUBSCRIBE);
        },
      });
      await app.listen({ host: config.host, port });
      const address = app.server.address();
      const url = `http://${config.host}:${typeof address === 'object' && address ? address.port : port}`;
      if (config.publicUrl === undefined) links.publicUrl = url;
      await writeServerInfo(config.home, {
        pid: process.pid,
        url,
        startedAt: new Date().toISOString(),
      });
      console.log(`crimestats is running at ${url}/`);
      // The token rides in the fragment, which the browser never sends: the page keeps it for
      // the tab and takes it out of the address bar.
      console.log(`dashboard: ${url}/#token=${encodeURIComponent(local.token)}`);
      console.log(`analyst token${local.created ? ' (new)' : ''}: ${local.token}`);
      console.log(`  (kept in ${local.path}; send it as "Authorization: Bearer <token>")`);
      console.log(`email digests: ${delivery.mail.description}`);
      console.log('press Ctrl+C to stop');

      stopOnSignals({
        logger,
        deadlineMs: config.shutdownDeadlineMs,
        steps: [
          // Uploads in flight finish (and their figures are stored) before the engine closes.
          { name: 'stopped serving', run: () => app.close() },
          // Buffered notices become events before attempts stop, so none is lost.
          { name: 'stored buffered figures events', run: () => pipeline.notifier.flushAll() },
          {
            name: 'finished webhook attempts in flight',
            run: () => dispatcher.stop(Math.floor(config.shutdownDeadlineMs / 2)),
          },
          { name: 'closed the embedded engine', run: () => pipeline.close() },
        ],
        finally: () => removeServerInfoSync(config.home),
      });
    });
}
