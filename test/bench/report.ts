// pnpm bench:report — GET /v1/comparisons at 500 requests/s for 30 s on loopback (autocannon),
// p50/p99/errors, side by side with the same rows read straight from ClickHouse with the store's
// FiguresRepository.read at the same rate for as long. The service runs in its own process, as
// deployed, once with its answer cache (the default) and once without; each load follows 5 s of
// unmeasured warm-up at the same rate. /healthz under the same load shows the machine's own floor.
// BENCH_RATE and BENCH_SECONDS change the load; the goal is judged at 500/s for 30 s.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { hashToken } from '@crimestats/auth';
import { FiguresRepository, openClickHouse } from '@crimestats/store';
import { acquireInfrastructure, loadTestkitConfig } from '@crimestats/testkit';
import { seedPlanDatabase } from '../../packages/reporting-http/src/testing/plan-database.ts';

const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const TOKEN = 'bench-board-token';
const QUERY = { category: 'total-recorded-crime', periodEnd: '2025-12', months: 12 };
const PATH = `/v1/comparisons?category=${QUERY.category}&period=${QUERY.periodEnd}&months=${QUERY.months}`;
const root = join(import.meta.dirname, '..', '..');

interface Outcome {
  name: string;
  requests: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function startService(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'services/reporting/src/main.ts')],
    {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        HOST: '127.0.0.1',
        PORT: String(port),
        CRIMESTATS_TOKENS: `bench:board:${hashToken(TOKEN)}`,
        // One token at 500 requests/s: the per-token limit would answer most of them 429.
        RATE_LIMIT_MAX: 'off',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/readyz`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) return { url, child };
    await sleep(100);
  }
  child.kill('SIGTERM');
  throw new Error('the service did not become ready in 30 s');
}

async function stopService(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

async function loadService(name: string, url: string, path = PATH): Promise<Outcome> {
  const headers = { authorization: `Bearer ${TOKEN}` };
  // Warm-up at the same rate, not measured: the first seconds of a fresh process are spent
  // compiling (JIT), opening connections and (for the cached run) making the first answers.
  await autocannon({
    url: `${url}${path}`,
    headers,
    connections: 20,
    overallRate: RATE,
    duration: 5,
  });
  const result = await autocannon({
    url: `${url}${path}`,
    headers,
    connections: 20,
    overallRate: RATE,
    duration: SECONDS,
  });
  return {
    name,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** The same read at the same rate, paced by the clock (open loop), timed from each call. */
async function loadDirect(name: string, read: () => Promise<unknown>): Promise<Outcome> {
  for (let i = 0; i < 200; i++) await read();
  const total = RATE * SECONDS;
  const latencies: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const started = performance.now();
  for (let sent = 0; sent < total;) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * RATE) + 1);
    for (; sent < due; sent++) {
      const t0 = performance.now();
      pending.push(
        read().then(
          () => void latencies.push(performance.now() - t0),
          () => void (errors += 1),
        ),
      );
    }
    await sleep(1);
  }
  await Promise.all(pending);
  return summarise(name, total, latencies, errors);
}

function summarise(name: string, requests: number, latencies: number[], errors: number): Outcome {
  latencies.sort((a, b) => a - b);
  const at = (q: number): number =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    name,
    requests,
    p50: at(0.5),
    p99: at(0.99),
    max: latencies.at(-1) ?? NaN,
    errors,
  };
}

/** The read's own latency, one at a time: what a query costs when nothing queues for it. */
async function readSerially(
  name: string,
  read: () => Promise<unknown>,
  count: number,
): Promise<Outcome> {
  const latencies: number[] = [];
  let errors = 0;
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await read().then(
      () => void latencies.push(performance.now() - t0),
      () => void (errors += 1),
    );
  }
  return summarise(name, count, latencies, errors);
}

const say = (message: string): void => console.log(message);
// Only ClickHouse is needed: a broker address is given so the test kit starts no Kafka.
const infra = await acquireInfrastructure(
  { ...loadTestkitConfig(), KAFKA_BROKERS: ['unused:9092'] },
  say,
);
const outcomes: Outcome[] = [];
try {
  const { db } = await seedPlanDatabase('server', infra.clickhouse.url);
  try {
    const env = { CLICKHOUSE_URL: infra.clickhouse.url, CLICKHOUSE_DATABASE: db.database };
    for (const [name, cache] of [
      ['service, answer cache (default)', '1000'],
      ['service, no cache', 'off'],
    ] as const) {
      say(`loading ${name} at ${RATE}/s for ${SECONDS} s…`);
      const service = await startService({ ...env, REPORTING_CACHE_MS: cache });
      try {
        outcomes.push(await loadService(name, service.url));
        // The same load on a route that does no work: the floor this machine sets.
        if (cache !== 'off')
          outcomes.push(await loadService('service, /healthz (no work)', service.url, '/healthz'));
      } finally {
        await stopService(service.child);
      }
    }
    say(`reading ClickHouse directly at ${RATE}/s for ${SECONDS} s…`);
    const client = openClickHouse({ kind: 'server', url: infra.clickhouse.url });
    try {
      const figures = new FiguresRepository(client, db.database);
      const read = () => figures.read(QUERY);
      outcomes.push(await loadDirect(`ClickHouse direct at ${RATE}/s`, read));
      outcomes.push(await readSerially('ClickHouse direct, one at a time', read, 2000));
    } finally {
      await client.close();
    }
  } finally {
    await db.cleanup();
  }
} finally {
  await infra.stop();
}

const ms = (value: number): string => `${value.toFixed(2)} ms`.padStart(10);
console.log(
  `\n${PATH}\n${RATE} requests/s for ${SECONDS} s on loopback (ClickHouse ${infra.clickhouse.source}):`,
);
console.log(
  `${'what'.padEnd(44)} ${'requests'.padStart(8)} ${'p50'.padStart(10)} ${'p99'.padStart(10)} ${'max'.padStart(10)} errors`,
);
for (const o of outcomes) {
  console.log(
    `${o.name.padEnd(44)} ${String(o.requests).padStart(8)} ${ms(o.p50)} ${ms(o.p99)} ${ms(o.max)} ${o.errors}`,
  );
}
const service = outcomes[0];
const met = service !== undefined && service.p99 < 20 && service.errors === 0;
console.log(`goal (service p99 < 20 ms, no errors): ${met ? 'met' : 'NOT met'}`);
