// pnpm bench:aggregate — (a) figures latency: from Kafka's acknowledgement of the last record of a
// new force-month to its figures being readable, through the running aggregator consumer; (b) a
// full recompute at national size (350 areas × 60 categories × 60 months = 1.26M records) on the
// ClickHouse server, with its peak RSS, side by side with only reading the records through the
// store and with ClickHouse's own GROUP BY over them (server and chDB), and with two floors made
// by the server alone (aggregate-floors.ts): writing as many figure rows, and its window sums. Every measurement runs in a
// fresh process; trials alternate and medians are quoted.
// BENCH_TRIALS (3), BENCH_LATENCY_REPEATS (7), BENCH_CHDB=0 to leave chDB out, BENCH_LATENCY=0 to
// leave (a) out (a shorter run for profiling the recompute), BENCH_CPU_PROF=<dir> to write a V8 CPU
// profile of every trial process there (open in Chrome DevTools or speedscope), and
// BENCH_BASELINE=<another checkout, installed> to time that checkout's recompute too, alternating
// with this one's over the same records, so a change is measured against its baseline in one run.
import { createServerTestDatabase } from '@crimestats/store/testing';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { migrate } from '@crimestats/store';
import { acquireInfrastructure, loadTestkitConfig } from '@crimestats/testkit';
import { NATIONAL, nationalInsertSql } from './national-reference.ts';

const TRIALS = Number(process.env.BENCH_TRIALS ?? 3);
const CHDB = process.env.BENCH_CHDB !== '0';
const LATENCY = process.env.BENCH_LATENCY !== '0';
const CPU_PROF = process.env.BENCH_CPU_PROF;
const BASELINE = process.env.BENCH_BASELINE;
const here = join(import.meta.dirname, '..', '..');
const FRESH = 'recompute, no figures stored yet';
const AGAIN = 'recompute again, figures unchanged';
const WRITE_FLOOR = 'server writing as many figure rows';
const WINDOW_SUMS = "server's 12-month sums, read";

interface Result {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  figures?: number;
  trials?: { fromAckMs: number; fromSendMs: number; publishMs: number }[];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function trial(kind: string, ...args: string[]): Result {
  return trialIn(here, kind, ...args);
}

/** A trial run by the checkout at `root`, with its own code and dependencies. */
function trialIn(root: string, kind: string, ...args: string[]): Result {
  const trialScript = join(root, 'test', 'bench', 'aggregate-trial.ts');
  // Node itself runs the trial (tsx as a loader), so a profile is of the trial, not of a wrapper.
  const [file, prefix]: [string, string[]] = CPU_PROF
    ? [process.execPath, ['--cpu-prof', '--cpu-prof-dir', CPU_PROF, '--import', 'tsx']]
    : ['pnpm', ['exec', 'tsx']];
  const out = execFileSync(file, [...prefix, trialScript, kind, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    cwd: root,
  });
  const result = JSON.parse(out.trim().split('\n').pop()!) as Result;
  const what = result.trials
    ? `${result.trials.map((t) => Math.round(t.fromAckMs)).join(', ')} ms`
    : `${seconds(result.ms)} (CPU ${seconds(result.cpuMs)}), peak RSS ${Math.round(result.maxRssMb)} MB`;
  console.log(`  ${kind}: ${what}`);
  return result;
}

const infra = await acquireInfrastructure(loadTestkitConfig(), (m) => console.log(m));
const started = performance.now();
const latency = new Map<string, Result>();
const national = new Map<string, Result[]>();
const keep = (name: string, result: Result) =>
  national.set(name, [...(national.get(name) ?? []), result]);
let loadMs = 0;
try {
  if (LATENCY) {
    console.log('(a) latency, after 24 months of Derbyshire records (first month unmeasured)');
    for (const kind of ['latency', 'latency-restarted']) {
      latency.set(kind, trial(kind, infra.kafka.brokers.join(','), infra.clickhouse.url));
    }
  }
  const records = NATIONAL.csps * 60 * NATIONAL.months;
  console.log(`(b) national: loading ${records.toLocaleString('en-GB')} records`);
  const db = await createServerTestDatabase(infra.clickhouse.url);
  try {
    await migrate(db.client, db.database);
    const loading = performance.now();
    await db.client.command({ query: nationalInsertSql(db.database) });
    await db.client.command({ query: `OPTIMIZE TABLE ${db.database}.monthly_records FINAL` });
    loadMs = performance.now() - loading;
    const server = [infra.clickhouse.url, db.database];
    keep('read the records only (store)', trial('read-all', ...server));
    keep('read the counts as series (store)', trial('read-series', ...server));
    for (let t = 0; t < TRIALS; t++) {
      console.log(`trial ${t + 1} of ${TRIALS}`);
      await db.client.command({ query: `TRUNCATE TABLE ${db.database}.figures` });
      keep(FRESH, trial('recompute', ...server));
      keep(AGAIN, trial('recompute', ...server));
      if (BASELINE) {
        await db.client.command({ query: `TRUNCATE TABLE ${db.database}.figures` });
        keep(`${FRESH} (baseline)`, trialIn(BASELINE, 'recompute', ...server));
        keep(`${AGAIN} (baseline)`, trialIn(BASELINE, 'recompute', ...server));
      }
      keep('ClickHouse GROUP BY (server)', trial('raw-server', ...server));
      const stored = national.get(FRESH)?.at(-1)?.figures ?? 0;
      if (stored > 0) keep(WRITE_FLOOR, trial('write-floor', ...server, String(stored)));
      keep(WINDOW_SUMS, trial('window-sums', ...server));
      if (CHDB) keep('ClickHouse GROUP BY (chDB)', trial('raw-chdb'));
    }
    if (CHDB) keep('recompute on chDB, in-process', trial('recompute-chdb'));
  } finally {
    // Dropping 1.5M figures can outlast the client's timeout on a busy machine: the results stand.
    await db
      .cleanup()
      .catch((error: unknown) => console.log(`  (cleanup failed: ${String(error)})`));
  }
} finally {
  await infra.stop();
}

if (LATENCY) {
  console.log('\n(a) figures latency of one new force-month (126 records), from Kafka ack:');
  for (const [kind, label] of [
    ['latency', 'one consumer running throughout'],
    ['latency-restarted', 'consumer started afresh per month'],
  ] as const) {
    const values = (latency.get(kind)?.trials ?? []).map((t) => t.fromAckMs);
    console.log(
      `  ${label.padEnd(36)} median ${seconds(median(values))}  max ${seconds(Math.max(...values))}` +
        `  (${values.length} months)`,
    );
  }
  const steady = (latency.get('latency')?.trials ?? []).map((t) => t.fromAckMs);
  const latencyMet = steady.length > 0 && Math.max(...steady) < 2000;
  console.log(`  goal (< 2 s, running consumer): ${latencyMet ? 'met' : 'NOT met'}`);
}

console.log(
  `\n(b) national: ${NATIONAL.csps} areas in ${NATIONAL.forces} forces × 60 categories × ` +
    `${NATIONAL.months} months (loaded in ${seconds(loadMs)}, untimed below); medians:`,
);
const fresh = median((national.get(FRESH) ?? []).map((r) => r.ms));
for (const [name, rs] of national) {
  const ms = median(rs.map((r) => r.ms));
  const cpu = median(rs.map((r) => r.cpuMs));
  const rss = Math.max(...rs.map((r) => r.maxRssMb));
  const figures = rs[0]?.figures === undefined ? '' : `, ${rs[0].figures} figures`;
  console.log(
    `  ${name.padEnd(36)} ${seconds(ms).padStart(8)}  CPU ${seconds(cpu).padStart(8)}` +
      `  peak RSS ${String(Math.round(rss)).padStart(4)} MB` +
      `  (${rs.length} runs; recompute ÷ this ${(fresh / ms).toFixed(1)}${figures})`,
  );
}
const groupBy = median((national.get('ClickHouse GROUP BY (server)') ?? []).map((r) => r.ms));
const compared = BASELINE
  ? [FRESH, AGAIN, `${FRESH} (baseline)`, `${AGAIN} (baseline)`]
  : [FRESH, AGAIN];
for (const name of compared) {
  const ms = median((national.get(name) ?? []).map((r) => r.ms));
  const ratio = ms / groupBy;
  console.log(
    `  ${name} ÷ ClickHouse GROUP BY (server): ${ratio.toFixed(1)}× ` +
      `(goal < 10×: ${ratio < 10 ? 'met' : 'NOT met'})`,
  );
}
// The floors: a recompute that stores its figures takes at least the server's own time to write
// them, so a ratio over 10 here means the goal cannot be met by any such recompute.
for (const name of [WRITE_FLOOR, WINDOW_SUMS]) {
  const ms = median((national.get(name) ?? []).map((r) => r.ms));
  if (Number.isFinite(ms)) {
    console.log(`  floor: ${name} ÷ ClickHouse GROUP BY (server): ${(ms / groupBy).toFixed(1)}×`);
  }
}
for (const name of [FRESH, AGAIN]) {
  const rs = national.get(name) ?? [];
  const met =
    rs.length > 0 &&
    median(rs.map((r) => r.ms)) < 60_000 &&
    Math.max(...rs.map((r) => r.maxRssMb)) < 500;
  console.log(`  goal (< 60 s, peak RSS < 500 MB), ${name}: ${met ? 'met' : 'NOT met'}`);
}
console.log(`benchmark ran ${seconds(performance.now() - started)}`);
