import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { TokenRegistry } from '@crimestats/auth';
import { connectKafka, Publisher } from '@crimestats/kafka';
import { defaultReference, type ReferenceData } from '@crimestats/domain';
import { createStore, openClickHouse, ReferenceSource } from '@crimestats/store';
import {
  ensureIngestTopics,
  kafkaIngestSink,
  watchDropFolder,
  type DropFolder,
  fileIngester,
} from '@crimestats/ingest';
import { loadIngestServiceConfig, type IngestServiceConfig } from './config.ts';
import { buildIngestApp, ingestMetrics } from '@crimestats/ingest-http';
import { bootService, stopOnSignals } from '@crimestats/lifecycle';

/** Wiring and lifecycle only: the ingestion itself is @crimestats/ingest's. */
async function start(config: IngestServiceConfig, logger: Logger): Promise<void> {
  const { reference, reloadReference, close: closeReference } = await openReference(config, logger);
  const force = reference.areas.byCode(config.forceCode);
  if (!force) throw new Error(`CRIMESTATS_FORCE ${config.forceCode} is not a known area`);

  const kafka = connectKafka({ brokers: config.brokers, clientId: 'crimestats-ingest', logger });
  await ensureIngestTopics(kafka, logger);
  const publisher = await Publisher.connect(kafka, logger);
  let ready = false;

  const metrics = ingestMetrics();
  const ingestFile = fileIngester({
    areas: reference.areas,
    categories: reference.categories,
    force,
    sink: kafkaIngestSink(publisher),
    reloadReference,
  });
  const tokens = new TokenRegistry(config.tokens);
  // One folder for this process's uploads, so even an exit at the deadline leaves none behind.
  const uploadDir = await mkdtemp(join(tmpdir(), 'crimestats-ingest-service-'));
  const removeUploads = () => rmSync(uploadDir, { recursive: true, force: true });
  const app = await buildIngestApp({
    logger,
    tokens,
    ingestFile,
    metrics,
    maxUploadBytes: config.maxUploadBytes,
    uploadDir,
    ready: () => ready,
    rateLimit: config.rateLimit,
  });
  await app.listen({ host: config.host, port: config.port }).catch((error: unknown) => {
    removeUploads();
    throw error;
  });

  let dropFolder: DropFolder | undefined;
  if (config.dropFolder) {
    dropFolder = await watchDropFolder({
      dir: config.dropFolder,
      logger,
      ingest: async (path) => {
        const report = await ingestFile(path);
        metrics.observe(report, 'drop-folder');
        return report.files;
      },
    });
  }
  ready = true;

  const { port } = app.server.address() as AddressInfo;
  logger.info(
    { host: config.host, port, tokens: tokens.size, dropFolder: config.dropFolder ?? null },
    `ingest service listening on ${config.host}:${port}`,
  );
  if (tokens.size === 0) {
    logger.warn('no tokens configured (CRIMESTATS_TOKENS): every upload will be refused with 401');
  }

  stopOnSignals({
    logger,
    deadlineMs: config.shutdownDeadlineMs,
    onStopping: () => (ready = false),
    steps: [
      // Uploads in flight finish (and publish) before the publisher goes.
      { name: 'stopped accepting uploads', run: () => app.close() },
      { name: 'closed the drop folder', run: async () => dropFolder?.close() },
      { name: 'disconnected from Kafka', run: () => publisher.disconnect() },
      { name: 'closed the store connection', run: closeReference },
    ],
    finally: removeUploads,
  });
}

interface ServiceReference {
  reference: ReferenceData;
  reloadReference?: () => Promise<boolean>;
  close: () => Promise<void>;
}

/**
 * The store's reference when CLICKHOUSE_URL names the store, read again before a file of a force
 * it lacks is refused (so a force loaded after start-up is taken); else the reference in code.
 */
async function openReference(
  config: IngestServiceConfig,
  logger: Logger,
): Promise<ServiceReference> {
  if (config.clickhouse === undefined) {
    return { reference: defaultReference, close: async () => {} };
  }
  const client = openClickHouse(config.clickhouse);
  const source = await ReferenceSource.open(createStore(client, config.database)).catch(
    async (error: unknown) => {
      await client.close();
      throw error;
    },
  );
  const reloadReference = async (): Promise<boolean> => {
    try {
      const changed = await source.reload();
      if (changed) logger.info('reference data read again');
      return changed;
    } catch (error) {
      // The refusal stands, naming the force; the upload can be tried again.
      logger.warn({ err: error }, 'could not read the reference data again');
      return false;
    }
  };
  return { reference: source.live, reloadReference, close: () => client.close() };
}

bootService({
  name: 'crimestats-ingest',
  loadConfig: loadIngestServiceConfig,
  logLevel: (config) => config.logLevel,
  start,
});
