// One measured trial of the ingest benchmark, run in its own process so its peak memory is its own.
// Usage: tsx ingest-trial.ts <end-to-end|parse-only|chdb-group-by> <file> [brokers]
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import Papa from 'papaparse';
import pino from 'pino';
import { connectKafka, Publisher } from '@crimestats/kafka';
import { defaultAreas, defaultCategories } from '@crimestats/domain';
import {
  ensureIngestTopics,
  expandInputs,
  ingestSource,
  kafkaIngestSink,
} from '@crimestats/ingest';

const [kind, file, brokers] = process.argv.slice(2) as [string, string, string | undefined];

async function endToEnd(): Promise<number> {
  const logger = pino({ level: 'error' });
  const kafka = connectKafka({ brokers: brokers!.split(','), clientId: 'bench', logger });
  await ensureIngestTopics(kafka, logger);
  const publisher = await Publisher.connect(kafka, logger);
  const [source] = await expandInputs([file]);
  const started = performance.now();
  const report = await ingestSource(source!, {
    areas: defaultAreas,
    categories: defaultCategories,
    force: defaultAreas.get('E23000018'),
    sink: kafkaIngestSink(publisher),
  });
  const ms = performance.now() - started;
  await publisher.disconnect();
  if (report.status !== 'accepted') throw new Error(JSON.stringify(report));
  return ms;
}

async function parseOnly(): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve, reject) =>
    Papa.parse<string[]>(createReadStream(file) as unknown as File, {
      skipEmptyLines: true,
      step: () => {},
      complete: () => resolve(),
      error: reject,
    }),
  );
  return performance.now() - started;
}

async function chdbGroupBy(): Promise<number> {
  // Loaded only here: the embedded engine's library would otherwise count in every trial's memory.
  const { openClickHouse } = await import('@crimestats/store');
  const client = openClickHouse({ kind: 'embedded', path: ':memory:' });
  const started = performance.now();
  const result = await client.query({
    query: `SELECT \`Month\`, \`LSOA name\`, \`Crime type\`, count() AS n
            FROM file('${file.replace(/'/g, "\\'")}', 'CSVWithNames')
            GROUP BY \`Month\`, \`LSOA name\`, \`Crime type\``,
    format: 'JSONEachRow',
  });
  await result.json();
  const ms = performance.now() - started;
  await client.close();
  return ms;
}

const trials: Record<string, () => Promise<number>> = {
  'end-to-end': endToEnd,
  'parse-only': parseOnly,
  'chdb-group-by': chdbGroupBy,
};
const ms = await trials[kind]!();
const bytes = (await stat(file)).size;
console.log(JSON.stringify({ kind, ms, bytes, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
