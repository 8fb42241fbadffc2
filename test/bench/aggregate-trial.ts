// One measured trial of the aggregate benchmark, run in its own process so its peak memory is its
// own. Prints one JSON line last. Usage: tsx aggregate-trial.ts <kind> <args…>
//   latency <brokers> <clickhouse url>   figures latency of new force-months through the consumer
//   latency-restarted <brokers> <url>     the same, with the consumer started afresh per month
//   recompute <clickhouse url> <database>  full national recompute on the server
//   read-all <clickhouse url> <database>   only reading every record through the store
//   read-series <clickhouse url> <database> only reading every count as the recompute does
//   raw-server <clickhouse url> <database> ClickHouse's own GROUP BY over the same records
//   write-floor <url> <database> <rows>    the server writing that many figure rows itself
//   window-sums <url> <database>           the server's twelve-month sums of every series, read
//   raw-chdb | recompute-chdb             GROUP BY / recompute on the embedded engine, loaded
//                                         in-process (whose engine alone takes ~900 MB of RSS)
// BENCH_LIMITS='{"chunkRows":…}' overrides the recompute's limits; BENCH_LOG=info shows its logs.
import pino from 'pino';
import { openClickHouse, createStore, migrate, type Store } from '@crimestats/store';
import { RecordProcessor } from '@crimestats/aggregator';
import { measureLatency } from './aggregate-latency.ts';
import { nationalInsertSql, nationalReference } from './national-reference.ts';
import { windowSums, writeFloor } from './aggregate-floors.ts';

const [kind, ...args] = process.argv.slice(2) as [string, ...string[]];
const logger = pino({ level: process.env.BENCH_LOG ?? 'error' });

/** Wraps a repository so the time spent in each of its methods adds up in `totals`. */
function timed<T extends object>(repository: T, name: string, totals: Record<string, number>): T {
  return new Proxy(repository, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...params: unknown[]) => {
        const started = performance.now();
        try {
          return await (value as (...p: unknown[]) => Promise<unknown>).apply(target, params);
        } finally {
          const key = `${name}.${String(property)}`;
          totals[key] = (totals[key] ?? 0) + performance.now() - started;
        }
      };
    },
  });
}

async function recompute(store: Store): Promise<Record<string, unknown>> {
  const totals: Record<string, number> = {};
  const instrumented: Store = {
    ...store,
    monthlyRecords: timed(store.monthlyRecords, 'records', totals),
    figures: timed(store.figures, 'figures', totals),
  };
  const reference = nationalReference();
  let notices = 0;
  const processor = new RecordProcessor({
    store: instrumented,
    reference,
    windows: [12],
    // Counted, not sent: a national backfill's notices would go to Kafka in production.
    updates: { publish: async (updates) => void (notices += updates.length) },
    logger,
  });
  const started = performance.now();
  const limits = JSON.parse(process.env.BENCH_LIMITS ?? '{}') as Record<string, number>;
  const result = await processor.recomputeAll({ forceCodes: reference.forceCodes, limits });
  const ms = performance.now() - started;
  const storeMs = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Math.round(v)]));
  return { ms, figures: result.figures, updates: result.updates, notices, storeMs };
}

async function server(): Promise<Record<string, unknown>> {
  const [url, database] = args as [string, string];
  const client = openClickHouse({ kind: 'server', url }, database);
  try {
    const store = createStore(client, database);
    if (kind === 'recompute') return await recompute(store);
    if (kind === 'read-all') {
      const started = performance.now();
      const records = await store.monthlyRecords.latestCounts({
        fromMonth: '2000-01',
        toMonth: '2100-12',
      });
      return { ms: performance.now() - started, records: records.length };
    }
    if (kind === 'read-series') {
      const { categories, areas } = nationalReference();
      const started = performance.now();
      const series = await store.monthlyRecords.monthlySeries(
        {
          categories: categories.all().map((c) => c.code),
          areaCodes: areas.cspAreas().map((a) => a.code),
          fromMonth: '2020-11',
          toMonth: '2025-12',
        },
        categories,
      );
      return { ms: performance.now() - started, series: series.length };
    }
    if (kind === 'write-floor') return await writeFloor(client, database, Number(args[2]));
    if (kind === 'window-sums') return await windowSums(client, database);
    return await rawGroupBy(client, database);
  } finally {
    await client.close();
  }
}

async function rawGroupBy(
  client: ReturnType<typeof openClickHouse>,
  database: string,
): Promise<Record<string, unknown>> {
  const started = performance.now();
  const result = await client.query({
    query: `SELECT area_code, category, sum(count) AS volume
            FROM ${database}.monthly_records FINAL GROUP BY area_code, category`,
    format: 'JSONEachRow',
  });
  const rows = await result.json();
  return { ms: performance.now() - started, rows: rows.length };
}

async function chdb(): Promise<Record<string, unknown>> {
  const client = openClickHouse({ kind: 'embedded', path: ':memory:' });
  const database = 'bench';
  await client.command({ query: `CREATE DATABASE ${database}` });
  await migrate(client, database);
  const loading = performance.now();
  await client.command({ query: nationalInsertSql(database) });
  const loadMs = performance.now() - loading;
  const result =
    kind === 'raw-chdb'
      ? await rawGroupBy(client, database)
      : await recompute(createStore(client, database));
  await client.close();
  return { ...result, loadMs };
}

const trials: Record<string, () => Promise<Record<string, unknown>>> = {
  latency: () => measureLatency(args[0]!.split(','), args[1]!, false, logger),
  'latency-restarted': () => measureLatency(args[0]!.split(','), args[1]!, true, logger),
  recompute: server,
  'read-all': server,
  'read-series': server,
  'raw-server': server,
  'write-floor': server,
  'window-sums': server,
  'raw-chdb': chdb,
  'recompute-chdb': chdb,
};
// The largest heap and off-heap sizes seen, sampled, to tell what the peak RSS is made of.
const peaks = { heapUsedMb: 0, heapTotalMb: 0, externalMb: 0 };
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peaks.heapUsedMb = Math.max(peaks.heapUsedMb, m.heapUsed / 2 ** 20);
  peaks.heapTotalMb = Math.max(peaks.heapTotalMb, m.heapTotal / 2 ** 20);
  peaks.externalMb = Math.max(peaks.externalMb, m.external / 2 ** 20);
}, 50);
const run = trials[kind];
if (!run) throw new Error(`unknown trial ${kind}`);
const result = await run();
clearInterval(sampler);
const usage = process.resourceUsage();
const maxRssMb = usage.maxRSS / 1024;
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
const memory = Object.fromEntries(Object.entries(peaks).map(([k, v]) => [k, Math.round(v)]));
console.log(JSON.stringify({ kind, ...result, maxRssMb, cpuMs, memory }));
