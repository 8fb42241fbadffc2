// pnpm bench:on-demand — one comparison read from stored figures beside the same comparison
// computed on demand from the records, on the bundled sample, on the embedded engine (as
// `crimestats up` and the CLI read it) and on a ClickHouse server (as the reporting service
// reads it). Runs are interleaved so both see the same machine; medians and 90th percentiles.
// BENCH_RUNS changes the number of runs (default 200).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { discardUpdates, RecordProcessor } from '@crimestats/aggregator';
import { defaultAreas, defaultCategories, defaultReference } from '@crimestats/domain';
import { expandInputs, ingestSources, type IngestSink } from '@crimestats/ingest';
import {
  AnswerCache,
  DataVersionWatch,
  readComparisonResponse,
  reportStore,
  type ReportStore,
} from '@crimestats/reporting';
import { inProcessIngestSink, SAMPLE_FILE } from '@crimestats/single-machine';
import {
  DataVersionRepository,
  migrate,
  openClickHouse,
  type ClickHouseTarget,
} from '@crimestats/store';
import { acquireInfrastructure, loadTestkitConfig } from '@crimestats/testkit';
import pino from 'pino';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const FORCE = 'E23000018';
const reference = { ...defaultReference, forceCode: FORCE };
const query = (months: number) => ({
  category: 'total-recorded-crime',
  periodEnd: '2025-12',
  months,
});

async function loadSample(sink: IngestSink): Promise<void> {
  const report = await ingestSources(await expandInputs([SAMPLE_FILE]), {
    areas: defaultAreas,
    categories: defaultCategories,
    force: defaultAreas.get(FORCE),
    sink,
  });
  if (!report.ok) throw new Error('the sample was refused');
}

/** The store with its stored figures hidden: every read computes on demand, as for 6 months. */
function withoutStoredFigures(store: ReportStore): ReportStore {
  const figures = Object.create(store.figures) as ReportStore['figures'];
  figures.read = async () => [];
  return { ...store, figures };
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};

async function measure(target: ClickHouseTarget, database: string) {
  const client = openClickHouse(target);
  try {
    await migrate(client, database);
    const store = reportStore(client, database);
    await loadSample(
      inProcessIngestSink(
        new RecordProcessor({
          store,
          reference,
          windows: [12],
          updates: discardUpdates,
          logger: pino({ level: 'silent' }),
        }),
      ),
    );
    const hidden = withoutStoredFigures(store);
    const cache = new AnswerCache({
      versions: new DataVersionWatch({
        source: new DataVersionRepository(client, database),
        versionTtlMs: 1000,
      }),
      maxEntries: 10,
    });
    const reads = {
      'stored, 12 months': () => readComparisonResponse(store, query(12), reference),
      'on demand, 12 months': () => readComparisonResponse(hidden, query(12), reference),
      'on demand, 6 months': () => readComparisonResponse(store, query(6), reference),
      'on demand, 6 months, cached': () =>
        cache.get('6', () => readComparisonResponse(store, query(6), reference)),
    };
    // Equal but for the last bit a double can lose through an older server's text form.
    const rows = async (read: () => Promise<{ rows: unknown }>) =>
      JSON.stringify((await read()).rows, (_key, v: unknown) =>
        typeof v === 'number' ? Number(v.toPrecision(12)) : v,
      );
    if ((await rows(reads['on demand, 12 months'])) !== (await rows(reads['stored, 12 months']))) {
      throw new Error('the on-demand answer differs from the stored one');
    }
    const times = new Map(Object.keys(reads).map((name) => [name, [] as number[]]));
    for (let run = 0; run < RUNS + 10; run++) {
      for (const [name, read] of Object.entries(reads)) {
        const started = performance.now();
        await read();
        if (run >= 10) times.get(name)!.push(performance.now() - started);
      }
    }
    return times;
  } finally {
    await client.close();
  }
}

const home = mkdtempSync(join(tmpdir(), 'crimestats-bench-'));
const results: Array<[string, Map<string, number[]>]> = [];
try {
  results.push([
    'embedded engine (chDB)',
    await measure({ kind: 'embedded', path: join(home, 'chdb') }, 'crimestats'),
  ]);
  const infra = await acquireInfrastructure(
    { ...loadTestkitConfig(), KAFKA_BROKERS: ['unused:9092'] },
    (message) => console.log(message),
  );
  try {
    const database = `bench_on_demand_${process.pid}`;
    results.push([
      `ClickHouse server (${infra.clickhouse.source})`,
      await measure({ kind: 'server', url: infra.clickhouse.url }, database),
    ]);
  } finally {
    await infra.stop();
  }
} finally {
  rmSync(home, { recursive: true, force: true });
}

console.log(
  `\n/v1/comparisons total-recorded-crime 2025-12 on the bundled sample, ${RUNS} runs each:`,
);
for (const [engine, times] of results) {
  console.log(`\n${engine}`);
  for (const [name, values] of times) {
    const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(10);
    console.log(
      `  ${name.padEnd(30)} median ${ms(percentile(values, 0.5))}  p90 ${ms(percentile(values, 0.9))}`,
    );
  }
}
