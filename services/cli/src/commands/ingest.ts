import { Command, Option } from 'commander';
import { connectKafka, Publisher } from '@crimestats/kafka';
import { InputFormatSchema } from '@crimestats/contracts';
import { defaultReference, type Area, type ReferenceData } from '@crimestats/domain';
import {
  ensureIngestTopics,
  expandInputs,
  ingestSources,
  kafkaIngestSink,
  loadLsoaLookup,
  summariseFileReport,
  type IngestSink,
} from '@crimestats/ingest';
import { ensureLocalToken } from '@crimestats/auth';
import { runningServer } from '@crimestats/single-machine';
import { loadReference } from '@crimestats/store';
import { ingestThroughServer } from '../up/remote-ingest.ts';
import { loadCliConfig, type CliConfig } from '../config.ts';
import { withPipeline } from './with-pipeline.ts';
import { cliLogger } from '../logger.ts';
import { fileProgress } from '../progress.ts';
import { figuresStoreOptions, withReportStore } from './report/store.ts';
import { UserError } from '../user-error.ts';

interface IngestFlags {
  format?: string;
  lsoaLookup?: string;
  acceptValidRows?: boolean;
  json?: boolean;
}

/**
 * Single-machine mode runs the aggregator in this process on the embedded engine, so the command
 * returns once the figures are updated; distributed mode publishes to Kafka and returns on
 * acknowledgement, and the aggregator service updates the figures.
 */
async function withSink<T>(
  config: CliConfig,
  run: (sink: IngestSink, reference: ReferenceData) => Promise<T>,
): Promise<T> {
  const logger = cliLogger(config);
  if (config.mode === 'single-machine') {
    return withPipeline(config, logger, (pipeline) => run(pipeline.ingestSink, pipeline.reference));
  }
  if (!config.kafkaBrokers) {
    throw new UserError(
      'ingest in distributed mode needs KAFKA_BROKERS (CLICKHOUSE_URL alone is set)',
    );
  }
  // The aggregator computes with the store's reference; without a store to read it from, the
  // reference in code is what the files are checked against.
  const reference = config.clickhouse
    ? await withReportStore(figuresStoreOptions(config), (store) => loadReference(store))
    : defaultReference;
  const kafka = connectKafka({ brokers: config.kafkaBrokers, clientId: 'crimestats-cli', logger });
  await ensureIngestTopics(kafka, logger);
  const publisher = await Publisher.connect(kafka, logger);
  try {
    return await run(kafkaIngestSink(publisher), reference);
  } finally {
    await publisher.disconnect();
  }
}

export function ingestCommand(): Command {
  return new Command('ingest')
    .description(
      'validate force files and publish their monthly records (files, folders, police.uk zips)',
    )
    .argument('<paths...>', 'files, folders or data.police.uk archives')
    .addOption(
      new Option('--format <format>', 'read every file as this format').choices(
        InputFormatSchema.options,
      ),
    )
    .option(
      '--accept-valid-rows',
      'publish the valid rows of a file that has invalid ones (they are still reported)',
    )
    .option(
      '--lsoa-lookup <file>',
      'place police.uk rows by LSOA code (lsoa_code,area_code or an ONS lookup)',
    )
    .option('--json', 'print the batch report as JSON instead of a summary')
    .action(async (paths: string[], flags: IngestFlags) => {
      const config = loadCliConfig();
      const sources = await expandInputs(paths).catch((error: Error) => {
        throw new UserError(error.message);
      });
      const format = InputFormatSchema.optional().parse(flags.format);
      const lsoaLookup = flags.lsoaLookup
        ? await loadLsoaLookup(flags.lsoaLookup).catch((error: Error) => {
            throw new UserError(error.message);
          })
        : undefined;
      if (lsoaLookup && (await runningServer(config.home))) {
        throw new UserError(
          '--lsoa-lookup is not passed to a running `crimestats up`; stop it first',
        );
      }
      const acceptValidRows = flags.acceptValidRows ?? false;
      const server =
        config.mode === 'single-machine' ? await runningServer(config.home) : undefined;
      const progress = fileProgress();
      const report = server
        ? await ingestThroughServer(
            server.url,
            (await ensureLocalToken(config.home)).token,
            paths,
            {
              format,
              acceptValidRows,
            },
          )
        : await withSink(config, (sink, reference) =>
            ingestSources(sources, {
              areas: reference.areas,
              categories: reference.categories,
              force: forceOf(reference, config.forceCode),
              sink,
              format,
              acceptValidRows,
              lsoaLookup,
              onProgress: ({ source, bytes, rows }) => progress.update(source, bytes, rows),
            }),
          );
      progress.done();
      if (flags.json) console.log(JSON.stringify(report, null, 2));
      else console.log(report.files.map(summariseFileReport).join('\n\n'));
      if (!report.ok) process.exitCode = 1;
    });
}

/** The force files are loaded for: CRIMESTATS_FORCE, which the reference must know. */
function forceOf(reference: ReferenceData, code: string): Area {
  const force = reference.areas.byCode(code);
  if (!force) throw new UserError(`CRIMESTATS_FORCE ${code} is not a known area`);
  return force;
}
