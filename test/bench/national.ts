// pnpm bench:national — a national backfill through the distributed mode: 43 forces, about 300 CSP
// areas from their own reference file, 14 police.uk types, 36 months, about 20M street-level rows
// (BENCH_ROWS to change), loaded by `crimestats ingest` into a real Kafka broker and computed by
// two aggregator instances into a real ClickHouse server. It prints ingest rows/s, minutes from
// the first file to every figure readable, peak RSS per process, and beside them chDB's single
// GROUP BY over the same files; then checks every area's figure against the generator's tally.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Topics } from '@crimestats/contracts';
import { connectKafka } from '@crimestats/kafka';
import { createStore, openClickHouse } from '@crimestats/store';
import {
  acquireInfrastructure,
  caughtUp,
  loadTestkitConfig,
  uniqueName,
} from '@crimestats/testkit';
import { startAggregatorProcess } from '../../services/aggregator/src/testing/aggregator-process.ts';
import { NATIONAL_SHAPE, nationalFiles } from './national-files.ts';
import { PeakMemory } from './peak-memory.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 20_000_000);
/** A folder for CPU profiles of the `crimestats` commands and the aggregators, when set. */
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
const AGGREGATORS = 2;
const CLI = join(import.meta.dirname, '..', '..', 'services', 'cli', 'src', 'main.ts');
const say = (message: string) =>
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

const files = await nationalFiles(
  join(tmpdir(), `crimestats-national-${ROWS}`),
  { ...NATIONAL_SHAPE, rows: ROWS },
  say,
);
say(`${files.files} street files, ${files.rows.toLocaleString('en-GB')} rows in ${files.streets}`);

const infra = await acquireInfrastructure(loadTestkitConfig(), say);
const peaks = new PeakMemory(process.pid);
const database = uniqueName('national');
const groupId = uniqueName('national');
const env: Record<string, string> = {
  KAFKA_BROKERS: infra.kafka.brokers.join(','),
  CLICKHOUSE_URL: infra.clickhouse.url,
  CLICKHOUSE_DATABASE: database,
  AGGREGATOR_GROUP_ID: groupId,
  CRIMESTATS_HOME: mkdtempSync(join(tmpdir(), 'crimestats-national-home-')),
};

/** A `crimestats` command in its own process, its output kept; rejects unless it exits 0. */
async function crimestats(label: string, ...args: string[]): Promise<string> {
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', CLI, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  peaks.name(child.pid!, label);
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`crimestats ${args.join(' ')} exited ${code}:\n${output}`);
  return output;
}

const kafka = connectKafka({
  brokers: infra.kafka.brokers,
  clientId: 'bench-national',
  logger: pino({ level: 'warn' }),
});
const allCaughtUp = async () =>
  (await caughtUp(kafka, groupId, Topics.monthlyRecords)) &&
  (await caughtUp(kafka, groupId, Topics.populations));

const aggregators = [];
try {
  say((await crimestats('cli migrate', 'migrate')).trim());
  say((await crimestats('cli reference load', 'reference', 'load', files.reference)).trim());
  peaks.start();
  for (let i = 0; i < AGGREGATORS; i++) {
    const aggregator = startAggregatorProcess(env, profile);
    peaks.name(aggregator.child.pid!, `aggregator ${i + 1}`);
    aggregators.push(aggregator);
  }
  await Promise.all(aggregators.map((a) => a.address()));
  say(`${AGGREGATORS} aggregator instances running in group ${groupId}`);

  const started = performance.now();
  await crimestats('cli ingest', 'ingest', files.populations, files.streets);
  const ingested = performance.now();
  say(`ingest done in ${((ingested - started) / 1000).toFixed(1)} s; waiting for the aggregators`);
  while (!(await allCaughtUp())) await new Promise((r) => setTimeout(r, 1_000));
  const readable = performance.now();
  say(`every record computed ${((readable - ingested) / 1000).toFixed(1)} s after the ingest`);
  peaks.stop();

  const check = await checkFigures();
  const anchor = await chdbGroupBy();
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  console.log(`
national backfill: ${files.rows.toLocaleString('en-GB')} rows, ${files.files} files, ${NATIONAL_SHAPE.forces} forces, ${Object.keys(files.lastYearByArea).length} CSP areas, ${files.months.length} months, ${AGGREGATORS} aggregators
ingest                       ${Math.round(files.rows / ((ingested - started) / 1000)).toLocaleString('en-GB')} rows/s (${seconds(ingested - started)} s)
first file → every figure    ${((readable - started) / 60_000).toFixed(2)} min (aggregation tail ${seconds(readable - ingested)} s)
chDB file() GROUP BY anchor  ${Math.round(files.rows / (anchor / 1000)).toLocaleString('en-GB')} rows/s (${seconds(anchor)} s); end to end ÷ anchor ${((readable - started) / anchor).toFixed(1)}
peak RSS per process (MB):
${peaks
  .report()
  .map((line) => `  ${line}`)
  .join('\n')}
figures checked: ${check}
goal (under 10 minutes end to end): ${readable - started < 600_000 ? 'met' : 'NOT met'}`);
} finally {
  peaks.stop();
  await Promise.allSettled(
    aggregators.map(async (a) => {
      if (a.child.exitCode !== null) return;
      const exited = once(a.child, 'exit');
      a.child.kill('SIGTERM');
      await exited;
    }),
  );
  await infra.stop();
}

/** Every CSP area's latest 12-month total recorded crime equals the generator's own tally. */
async function checkFigures(): Promise<string> {
  const client = openClickHouse({ kind: 'server', url: infra.clickhouse.url }, database);
  try {
    const last = files.months[files.months.length - 1]!;
    const rows = await createStore(client, database).figures.readRange({
      categories: ['total-recorded-crime'],
      months: 12,
      fromEnd: last,
      toEnd: last,
    });
    const volumes = new Map(rows.map((row) => [row.areaCode, row.volume]));
    const wrong = Object.entries(files.lastYearByArea).filter(
      ([area, count]) => volumes.get(area) !== count,
    );
    if (wrong.length > 0) {
      throw new Error(
        `${wrong.length} areas differ from the tally, e.g. ${wrong
          .slice(0, 3)
          .map(([area, count]) => `${area}: figure ${volumes.get(area)}, tally ${count}`)
          .join('; ')}`,
      );
    }
    return `${Object.keys(files.lastYearByArea).length} CSP areas' total recorded crime to ${last} equal the generator's tally`;
  } finally {
    await client.close();
  }
}

/** chDB's own GROUP BY over the same files, in a process of its own so its memory is its own. */
async function chdbGroupBy(): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'national-anchor.ts'), files.streets],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`the chDB anchor exited ${code}`);
  const { ms, groups, maxRssMb } = JSON.parse(output.trim().split('\n').pop()!) as {
    ms: number;
    groups: number;
    maxRssMb: number;
  };
  say(
    `chDB GROUP BY: ${groups.toLocaleString('en-GB')} groups, peak RSS ${Math.round(maxRssMb)} MB`,
  );
  return ms;
}
